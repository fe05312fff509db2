//! OpenSSL as the store starts it (`src/openssl_start.rs`): checked in a
//! process of its own, where the store's first journal is the first use of
//! OpenSSL, as in `trine` and the app.
#![allow(unsafe_code)] // Asking OpenSSL which generator it built.

use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};

use trine_store::model::NewEntry;
use trine_store::store::Journal;

extern "C" {
    fn RAND_get0_primary(libctx: *mut c_void) -> *mut c_void;
    fn EVP_RAND_CTX_get0_rand(ctx: *mut c_void) -> *const c_void;
    fn EVP_RAND_get0_name(rand: *const c_void) -> *const c_char;
    fn RAND_bytes(buf: *mut u8, num: c_int) -> c_int;
}

#[test]
fn the_store_starts_openssl_with_a_hash_drbg_that_gives_random_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(&dir.path().join("journal.db")).unwrap();
    journal.create(NewEntry::note("first", "words")).unwrap();

    // SAFETY: OpenSSL 3 calls on the default library context, which the
    // journal above has started; the name is a NUL-terminated string
    // OpenSSL owns, and the buffers are as long as asked.
    let (name, a, b) = unsafe {
        let primary = RAND_get0_primary(std::ptr::null_mut());
        assert!(!primary.is_null(), "OpenSSL has a primary generator");
        let name = CStr::from_ptr(EVP_RAND_get0_name(EVP_RAND_CTX_get0_rand(primary)))
            .to_str()
            .unwrap()
            .to_owned();
        let (mut a, mut b) = ([0u8; 32], [0u8; 32]);
        assert_eq!(RAND_bytes(a.as_mut_ptr(), 32), 1);
        assert_eq!(RAND_bytes(b.as_mut_ptr(), 32), 1);
        (name, a, b)
    };
    assert_eq!(name, "HASH-DRBG");
    assert_ne!(a, b, "two draws differ");
    assert_ne!(a, [0u8; 32]);
}
