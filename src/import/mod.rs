//! Importing delimited tables (the `|` tables of the source documents, and CSV) into ledgers.
