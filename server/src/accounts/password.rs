//! Password hashing: argon2id with a random salt per password, stored as a PHC string.
//! Verifying runs the whole KDF and compares in constant time; an unknown account verifies
//! against a fixed hash so that timing does not tell which emails exist.

use std::sync::LazyLock;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

/// Hashed once: what an unknown account's sign-in is checked against.
static DECOY: LazyLock<String> =
    LazyLock::new(|| hash("a password nobody has").expect("hashing a constant"));

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) of `password`.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash a password: {e}"))
}

/// Whether `password` matches `stored` (`None`: no such account; the work is done anyway).
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let decoy = DECOY.as_str();
    let Ok(parsed) = PasswordHash::new(stored.unwrap_or(decoy)) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && stored.is_some()
}

/// Runs the KDF off the async executor (it takes tens of milliseconds on purpose).
pub async fn hash_blocking(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash(&password)).await?
}

pub async fn verify_blocking(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || verify(&password, stored.as_deref()))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_salted_argon2id_and_verify() {
        let a = hash("correct horse battery").unwrap();
        let b = hash("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery", Some(&a)));
        assert!(!verify("correct horse batterY", Some(&a)));
        assert!(
            !verify("a password nobody has", None),
            "the decoy never signs anyone in"
        );
        assert!(!verify("x", Some("not a phc string")));
    }
}
