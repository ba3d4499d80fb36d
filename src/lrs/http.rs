//! The few requests casebook makes of an LRS, through ureq with rustls. Made
//! only when an LRS is configured, and only from `sync`, `lrs test` and the
//! tutor's background thread (after its first frame).

use std::time::Duration;

use super::settings::{LrsSettings, check_endpoint};

/// What an LRS answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    /// The reply's `Content-Type`, when it gave one.
    pub content_type: Option<String>,
    /// Where a redirect pointed (never followed).
    pub location: Option<String>,
    /// Why the body could not be read whole (cut short, too slow, too
    /// long): the status then says nothing of what the LRS did.
    pub cut: Option<String>,
}

impl Reply {
    pub fn is_redirect(&self) -> bool {
        (300..400).contains(&self.status)
    }

    /// A web page rather than an LRS's JSON: a log-in page, a captive
    /// portal or a proxy's block page answers like this.
    pub fn is_web_page(&self) -> bool {
        let html_type = self
            .content_type
            .as_deref()
            .is_some_and(|kind| kind.to_ascii_lowercase().contains("html"));
        html_type || self.body.trim_start().starts_with('<')
    }
}

/// An LRS's answers are short; a larger one is cut, not read whole.
const REPLY_LIMIT: u64 = 1024 * 1024;

pub struct Client {
    agent: ureq::Agent,
    endpoint: String,
    authorization: String,
}

impl Client {
    /// Refused (with the reason) for an endpoint that is not HTTPS or this
    /// machine, whatever the settings file says.
    pub fn new(settings: &LrsSettings) -> Result<Client, String> {
        let endpoint = check_endpoint(&settings.endpoint)?;
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(settings.timeout_seconds.max(1))))
            .http_status_as_error(false)
            // A redirect could take the key and secret, or the records,
            // somewhere else: reported, never followed.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .user_agent(concat!("casebook/", env!("CARGO_PKG_VERSION")))
            // The system's certificate authorities, as the organisation set
            // them up: an LRS behind its own authority, or a TLS-inspecting
            // proxy, is trusted as the learner's browser trusts it.
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                    .build(),
            )
            .build();
        Ok(Client {
            agent: config.into(),
            endpoint,
            authorization: format!(
                "Basic {}",
                base64(format!("{}:{}", settings.key, settings.secret).as_bytes())
            ),
        })
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// `GET about`: which xAPI versions the LRS speaks. No credentials.
    pub fn about(&self) -> Result<Reply, String> {
        let response = self
            .agent
            .get(format!("{}about", self.endpoint))
            .header("X-Experience-API-Version", "1.0.3")
            .call();
        reply(response)
    }

    /// A signed-in request that changes nothing: one statement at most.
    pub fn signed_in_check(&self) -> Result<Reply, String> {
        let response = self
            .agent
            .get(format!("{}statements?limit=1", self.endpoint))
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", "1.0.3")
            .call();
        reply(response)
    }

    /// `POST statements` with a JSON array.
    pub fn post_statements(&self, body: &str) -> Result<Reply, String> {
        let response = self
            .agent
            .post(format!("{}statements", self.endpoint))
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", "1.0.3")
            .content_type("application/json")
            .send(body);
        reply(response)
    }
}

fn reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Reply, String> {
    let mut response = response.map_err(|error| describe(&error))?;
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let location = header("location");
    let content_type = header("content-type");
    // A body cut short (the connection closed, the time ran out) is never
    // taken for an empty one: an LRS's confirmation is in the body.
    let (mut body, cut) = match response.body_mut().with_config().limit(REPLY_LIMIT).read_to_string() {
        Ok(body) => (body, None),
        Err(error) => (String::new(), Some(describe(&error))),
    };
    if (300..400).contains(&status) {
        body = crate::text::lrs_redirected(location.as_deref().unwrap_or("?"));
    }
    Ok(Reply {
        status,
        body,
        content_type,
        location,
        cut,
    })
}

fn describe(error: &ureq::Error) -> String {
    let reason = match error {
        ureq::Error::Timeout(_) => return crate::text::LRS_TIMED_OUT.to_owned(),
        ureq::Error::Io(io) => crate::text::io_reason(io),
        other => other.to_string(),
    };
    // rustls's own words ("invalid peer certificate: UnknownIssuer") do not
    // say what a learner can do about it.
    if reason.contains("certificate") {
        crate::text::lrs_untrusted(&reason)
    } else {
        reason
    }
}

/// Standard base64, for the Basic authorisation header.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if index <= chunk.len() {
                let sextet = usize::try_from((n >> shift) & 63).unwrap_or(0);
                out.push(char::from(ALPHABET[sextet]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"casebook:secret"), "Y2FzZWJvb2s6c2VjcmV0");
    }
}
