#![no_main]
//! See `scimctl_fuzz::scim_model` (fuzz/src/lib.rs) for what is read and what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| scimctl_fuzz::scim_model(data));
