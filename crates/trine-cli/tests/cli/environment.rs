//! What the environment a `trine` process starts in cannot change.

use crate::util::Sandbox;

/// An OpenSSL configuration that loads only the "null" provider: were
/// OpenSSL to read it, it would have no algorithms at all, not even a
/// source of random bytes, and SQLCipher could neither start properly nor
/// encrypt.
const NO_ALGORITHMS: &str = "openssl_conf = openssl_init
[openssl_init]
providers = provider_sect
[provider_sect]
null = null_sect
[null_sect]
activate = 1
";

#[test]
fn an_openssl_configuration_in_the_environment_changes_nothing() {
    let s = Sandbox::new();
    let conf = s.file("openssl.cnf", NO_ALGORITHMS);
    let conf = conf.to_str().unwrap();
    let hostile = [("OPENSSL_CONF", conf)];
    let added = s.run_env(
        &["add", "--title", "Kept", "--body", "zebrafish in the notes"],
        &hostile,
    );
    assert!(
        added.stderr.is_empty(),
        "nothing from OpenSSL or SQLCipher: {}",
        added.stderr
    );
    added.ok();
    let encrypted = s.run_env(
        &["encrypt"],
        &[
            ("OPENSSL_CONF", conf),
            ("TRINE_NEW_PASSPHRASE", "a long pass"),
        ],
    );
    assert!(encrypted.stderr.is_empty(), "{}", encrypted.stderr);
    encrypted.ok();
    let bytes = std::fs::read(s.data().join("journal.db")).unwrap();
    assert!(
        !bytes.windows(9).any(|w| w == b"zebrafish"),
        "the journal is encrypted"
    );
    let hits = s
        .run_env(
            &["search", "zebrafish"],
            &[("OPENSSL_CONF", conf), ("TRINE_PASSPHRASE", "a long pass")],
        )
        .ok();
    assert!(hits.contains("Kept"), "{hits}");
    // And without the configuration, the journal is the same.
    let listed = s
        .run_env(&["list"], &[("TRINE_PASSPHRASE", "a long pass")])
        .ok();
    assert!(listed.contains("Kept"), "{listed}");
}
