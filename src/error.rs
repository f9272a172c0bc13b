//! The one error type of the library.

use std::fmt;

/// What went wrong. Opaque so that kinds can grow; [`Error::kind`] tells them apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// Broad classes of [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input text or an option is unusable (too large, a malformed date).
    Input,
    /// A model file is truncated, corrupted or of another format version.
    Model,
}

impl Error {
    /// An input error with a message for the user.
    pub fn input(message: impl Into<String>) -> Self {
        Error { kind: ErrorKind::Input, message: message.into() }
    }

    /// A model error with a message for the user.
    pub fn model(message: impl Into<String>) -> Self {
        Error { kind: ErrorKind::Model, message: message.into() }
    }

    /// The class of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the class.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Input => write!(f, "invalid input: {}", self.message),
            ErrorKind::Model => write!(f, "bad model file: {}", self.message),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
