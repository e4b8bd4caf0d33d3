//! The domain: who holds a value, and (in later stages) why that collides and what to do.

pub mod apply;
pub mod batch;
pub mod candidate;
pub mod diagnose;
pub mod engine;
pub mod in_flight;
pub mod journal;
pub mod lookup;
pub mod normalize;
pub mod options;
pub mod plan;
pub mod settle;
