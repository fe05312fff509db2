//! Starts OpenSSL, the crypto library inside SQLCipher, with only what
//! Trine uses, before SQLite starts SQLCipher. The one place in Trine that
//! calls C itself.
//!
//! Left to itself, OpenSSL starts on SQLCipher's first request for random
//! bytes (made when SQLite starts, for every journal, with a passphrase or
//! not) and then reads a configuration file from its build's folder or
//! `$OPENSSL_CONF`, loads the text of every error it knows, fills a table
//! with the legacy names of every cipher and digest, and builds its random
//! generator (CTR-DRBG) by making every cipher of its default provider.
//! That was a quarter of the time `trine list` took (BENCHMARKS.md).
//!
//! Started here instead:
//! - **no configuration file** is read, so a file in the environment cannot
//!   change how a journal is encrypted (a test gives Trine one that would
//!   switch off OpenSSL's algorithms, and the journal still opens);
//! - **no error texts and no legacy name tables**: Trine words its own
//!   errors, and SQLCipher asks for algorithms by names OpenSSL's provider
//!   knows without them;
//! - the random generator is **HASH-DRBG over SHA-256**, which NIST SP
//!   800-90A approves alongside OpenSSL's default CTR-DRBG, at the same
//!   256-bit strength, seeded from the operating system as before. It is
//!   built from the digests, which are far fewer than the ciphers.
//!
//! Every connection the store makes goes through [`crate::connection`],
//! which calls [`start`] first.

use std::os::raw::{c_char, c_int, c_void};
use std::sync::Once;

// The static libcrypto these symbols come from.
use openssl_sys as _;

// Options of OpenSSL 3's `OPENSSL_init_crypto` (openssl/crypto.h).
const NO_LOAD_CRYPTO_STRINGS: u64 = 0x0000_0001;
const NO_ADD_ALL_CIPHERS: u64 = 0x0000_0010;
const NO_ADD_ALL_DIGESTS: u64 = 0x0000_0020;
const NO_LOAD_CONFIG: u64 = 0x0000_0080;

#[allow(unsafe_code)]
extern "C" {
    fn OPENSSL_init_crypto(opts: u64, settings: *const c_void) -> c_int;
    fn RAND_set_DRBG_type(
        libctx: *mut c_void,
        drbg: *const c_char,
        propq: *const c_char,
        cipher: *const c_char,
        digest: *const c_char,
    ) -> c_int;
}

static START: Once = Once::new();

/// Starts OpenSSL as described above, once per process; later calls return
/// at once. Must run before SQLite's first connection in the process, or
/// OpenSSL will already have started its own way (which works, only
/// slower): the store's [`crate::connection`] sees to it.
pub(crate) fn start() {
    START.call_once(|| {
        #[allow(unsafe_code)]
        // SAFETY: two documented entry points of OpenSSL 3 (the version
        // rusqlite's vendored build links), called once, before any other
        // use of OpenSSL in the process: the settings pointer may be null
        // (defaults), the library context null (the default one), and the
        // strings are NUL-terminated constants. If either call fails,
        // OpenSSL starts its default way on first use.
        unsafe {
            OPENSSL_init_crypto(
                NO_LOAD_CONFIG | NO_LOAD_CRYPTO_STRINGS | NO_ADD_ALL_CIPHERS | NO_ADD_ALL_DIGESTS,
                std::ptr::null(),
            );
            RAND_set_DRBG_type(
                std::ptr::null_mut(),
                c"HASH-DRBG".as_ptr(),
                std::ptr::null(),
                std::ptr::null(),
                c"SHA256".as_ptr(),
            );
        }
    });
}
