//! The bundled sample workspace (placeholder).
