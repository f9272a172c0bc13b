//! Stage 6: output formats.

pub mod conll;
pub mod html;
pub mod json;
