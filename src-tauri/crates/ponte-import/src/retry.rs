//! Retries for transient supplier failures: exponential backoff for 5xx, timeouts and dropped
//! connections; the supplier's own `Retry-After` for 429. Waits end early on cancel.

use std::time::Duration;

use ponte_suppliers::SupplierError;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// Longest `Retry-After` honoured; a longer one fails the run with the supplier's wait in the message.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            attempts: 5,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

/// Whether `err` on attempt `n` (0-based) is worth another try, and after how long.
pub fn delay(policy: &RetryPolicy, err: &SupplierError, n: u32) -> Option<Duration> {
    if n + 1 >= policy.attempts {
        return None;
    }
    match err {
        SupplierError::RateLimited { seconds } => {
            let d = Duration::from_secs(*seconds);
            (d <= policy.max_retry_after).then_some(d)
        }
        // A cut or malformed page is most often a dropped connection: worth one more try.
        SupplierError::Unexpected { status: 0 | 200, .. } => Some(policy.base_delay),
        e if e.is_transient() => Some((policy.base_delay * 2u32.pow(n)).min(policy.max_delay)),
        _ => None,
    }
}

/// Sleeps, unless cancelled first (returns false then).
pub async fn wait(d: Duration, cancel: &CancellationToken) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(d) => true,
        _ = cancel.cancelled() => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_caps_and_stops() {
        let p = RetryPolicy::default();
        let e = SupplierError::Server { status: 503 };
        assert_eq!(delay(&p, &e, 0), Some(Duration::from_millis(500)));
        assert_eq!(delay(&p, &e, 3), Some(Duration::from_secs(4)));
        assert_eq!(delay(&p, &e, 4), None);
        assert_eq!(
            delay(&p, &SupplierError::RateLimited { seconds: 3 }, 0),
            Some(Duration::from_secs(3))
        );
        assert_eq!(delay(&p, &SupplierError::RateLimited { seconds: 3600 }, 0), None);
        assert_eq!(delay(&p, &SupplierError::InvalidCredentials, 0), None);
    }
}
