//! Festival-relative deadlines (`端午节前`, `春节前`): the festival's date in a given year.
//!
//! Solar festivals have fixed dates. Lunar festivals (春节, 元宵, 端午, 中秋) come from a
//! small bundled table covering the holiday calendar's years and a few after; the table
//! is checked against the `chinese_holiday` crate's statutory holiday ranges in the tests.

use chrono::NaiveDate;

use super::expr::eat_any;

/// A festival a deadline can be written against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Festival {
    /// 元旦, 01-01.
    NewYear,
    /// 春节, lunar 1/1.
    Spring,
    /// 元宵, lunar 1/15 (春节 + 14 days).
    Lantern,
    /// 劳动节 / 五一, 05-01.
    Labour,
    /// 端午, lunar 5/5.
    DragonBoat,
    /// 中秋, lunar 8/15.
    MidAutumn,
    /// 国庆, 10-01.
    National,
}

/// The first and last year of the lunar table.
const LUNAR_YEARS: std::ops::RangeInclusive<i32> = 2015..=2030;

/// (春节, 端午, 中秋) as (month, day) for each year of [`LUNAR_YEARS`].
const LUNAR: [[(u32, u32); 3]; 16] = [
    [(2, 19), (6, 20), (9, 27)], // 2015
    [(2, 8), (6, 9), (9, 15)],   // 2016
    [(1, 28), (5, 30), (10, 4)], // 2017
    [(2, 16), (6, 18), (9, 24)], // 2018
    [(2, 5), (6, 7), (9, 13)],   // 2019
    [(1, 25), (6, 25), (10, 1)], // 2020
    [(2, 12), (6, 14), (9, 21)], // 2021
    [(2, 1), (6, 3), (9, 10)],   // 2022
    [(1, 22), (6, 22), (9, 29)], // 2023
    [(2, 10), (6, 10), (9, 17)], // 2024
    [(1, 29), (5, 31), (10, 6)], // 2025
    [(2, 17), (6, 19), (9, 25)], // 2026
    [(2, 6), (6, 9), (9, 15)],   // 2027
    [(1, 26), (5, 28), (10, 3)], // 2028
    [(2, 13), (6, 16), (9, 22)], // 2029
    [(2, 3), (6, 5), (9, 12)],   // 2030
];

/// Names as written, longest first where one is a prefix of another.
const NAMES: &[(&str, Festival)] = &[
    ("元旦", Festival::NewYear),
    ("春节", Festival::Spring),
    ("元宵节", Festival::Lantern),
    ("元宵", Festival::Lantern),
    ("五一劳动节", Festival::Labour),
    ("五一节", Festival::Labour),
    ("劳动节", Festival::Labour),
    ("端午节", Festival::DragonBoat),
    ("端午", Festival::DragonBoat),
    ("中秋节", Festival::MidAutumn),
    ("中秋", Festival::MidAutumn),
    ("国庆节", Festival::National),
    ("国庆", Festival::National),
];

impl Festival {
    /// The Chinese name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Festival::NewYear => "元旦",
            Festival::Spring => "春节",
            Festival::Lantern => "元宵",
            Festival::Labour => "劳动节",
            Festival::DragonBoat => "端午",
            Festival::MidAutumn => "中秋",
            Festival::National => "国庆",
        }
    }

    /// Whether the date moves with the lunar calendar.
    pub(crate) fn is_lunar(self) -> bool {
        matches!(
            self,
            Festival::Spring | Festival::Lantern | Festival::DragonBoat | Festival::MidAutumn
        )
    }

    /// The festival's date in `year`; `Err` says why there is none.
    pub(crate) fn date(self, year: i32) -> Result<NaiveDate, String> {
        let fixed =
            |m, d| NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| format!("年份 {year} 无效"));
        let lunar = |k: usize| {
            let missing = || {
                format!(
                    "{year}年的{}日期不在内置表中({}–{}),请写明具体日期",
                    self.name(),
                    LUNAR_YEARS.start(),
                    LUNAR_YEARS.end()
                )
            };
            if !LUNAR_YEARS.contains(&year) {
                return Err(missing());
            }
            let (m, d) = LUNAR[(year - LUNAR_YEARS.start()) as usize][k];
            NaiveDate::from_ymd_opt(year, m, d).ok_or_else(missing)
        };
        match self {
            Festival::NewYear => fixed(1, 1),
            Festival::Spring => lunar(0),
            Festival::Lantern => Ok(lunar(0)? + chrono::Duration::days(14)),
            Festival::Labour => fixed(5, 1),
            Festival::DragonBoat => lunar(1),
            Festival::MidAutumn => lunar(2),
            Festival::National => fixed(10, 1),
        }
    }
}

/// `X节前` starting at `i`: the festival and the index after `前`.
pub(crate) fn festival_before(s: &[char], i: usize) -> Option<(Festival, usize)> {
    let (name, festival) = NAMES.iter().find(|(n, _)| {
        let len = n.chars().count();
        s.get(i..i + len)
            .is_some_and(|w| w.iter().copied().eq(n.chars()))
    })?;
    let j = i + name.chars().count();
    let j = eat_any(s, j, &["节"]).unwrap_or(j);
    let end = eat_any(s, j, &["以前", "之前", "前"])?;
    // `春节前后` is "around the festival", not a deadline before it.
    if s.get(end) == Some(&'后') {
        return None;
    }
    Some((*festival, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chinese_holiday::{DayKind, Ymd, chinese_holiday};
    use chrono::Datelike;

    fn kind(d: NaiveDate) -> DayKind {
        chinese_holiday(Ymd::new(d.year() as u16, d.month() as u8, d.day() as u8))
    }

    #[test]
    fn lunar_table_agrees_with_the_holiday_calendar() {
        for year in 2015..=2026 {
            let spring = Festival::Spring.date(year).unwrap();
            assert_eq!(kind(spring), DayKind::SpringFestivalHoliday, "{year} 春节");
            let boat = Festival::DragonBoat.date(year).unwrap();
            assert_eq!(
                kind(boat),
                DayKind::DragonBoatFestivalHoliday,
                "{year} 端午"
            );
            let moon = Festival::MidAutumn.date(year).unwrap();
            // 2017, 2020, 2023 and 2025: 中秋 falls inside the National Day holiday.
            assert!(
                matches!(
                    kind(moon),
                    DayKind::MidAutumnFestivalHoliday | DayKind::NationalDayHoliday
                ),
                "{year} 中秋"
            );
        }
    }

    #[test]
    fn outside_the_table_is_an_error_not_a_guess() {
        assert!(Festival::Spring.date(2040).is_err());
        assert_eq!(
            Festival::Lantern.date(2024).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 24).unwrap()
        );
    }
}
