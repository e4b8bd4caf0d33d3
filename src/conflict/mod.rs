//! The domain: who holds a value, and (in later stages) why that collides and what to do.

pub mod candidate;
pub mod diagnose;
pub mod lookup;
pub mod normalize;
pub mod options;
pub mod search;
