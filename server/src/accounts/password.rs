//! Password hashing: argon2id with a random salt per password, stored as a PHC string.
//! Verifying runs the whole KDF and compares in constant time; an unknown account verifies
//! against a fixed hash so that timing does not tell which emails exist. At most
//! `CONCURRENT_KDF` hashes run at once.

use std::sync::LazyLock;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use tokio::sync::{Semaphore, SemaphorePermit};

/// Hashes computed at once. Each holds its 19 MiB (`m=19456`) for its whole run, so 200
/// sign-ins at once would take 3.8 GB. The rest wait here, before a thread or memory is
/// given to them (holding no database connection: callers are done with the database when
/// they ask). Four: the work is all CPU, so more at once than the machine has cores adds
/// memory and no speed; a small server has two to four.
pub const CONCURRENT_KDF: usize = 4;
static KDF: Semaphore = Semaphore::const_new(CONCURRENT_KDF);

/// A turn to run the KDF. The permit goes with the work into the blocking thread, so a
/// request given up (a client gone, the 30 s timeout) still holds it until its hash is done.
async fn kdf_turn() -> anyhow::Result<SemaphorePermit<'static>> {
    Ok(KDF.acquire().await?)
}

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

/// Runs the KDF off the async executor (it takes tens of milliseconds on purpose), in turn.
pub async fn hash_blocking(password: String) -> anyhow::Result<String> {
    let turn = kdf_turn().await?;
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        hash(&password)
    })
    .await?
}

pub async fn verify_blocking(password: String, stored: Option<String>) -> bool {
    let Ok(turn) = kdf_turn().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        verify(&password, stored.as_deref())
    })
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
