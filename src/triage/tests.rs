//! Reading exports: each format, its variants, and what is skipped.
