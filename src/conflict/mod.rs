//! The domain: who holds a value, and (in later stages) why that collides and what to do.

pub mod lookup;
