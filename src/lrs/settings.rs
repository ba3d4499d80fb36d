//! Which learning record store to send to, as whom, and whether reflection
//! text goes with the statements: `lrs.ron` in the data folder, 0600.

use serde::{Deserialize, Serialize};

use crate::folder::DataPaths;
use crate::folder::StoreError;
use crate::folder::ron_file::{read, to_ron, write_atomic};
use crate::text;

/// The settings file's schema, counted apart from the journals'.
pub const SETTINGS_SCHEMA: u32 = 1;

/// How long one request may take before it counts as a failure.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 30;

fn default_timeout() -> u64 {
    DEFAULT_TIMEOUT_SECONDS
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsSettings {
    pub schema: u32,
    /// The xAPI endpoint, ending in `/` (`https://lrs.example.org/xapi/`).
    pub endpoint: String,
    /// HTTP Basic credentials the LRS issued.
    pub key: String,
    pub secret: String,
    /// The learner as the LRS knows them: an account, never an e-mail.
    pub account_home_page: String,
    pub account_name: String,
    /// Whether answers and the action point are sent as text. Off unless
    /// the learner turns it on for this LRS.
    #[serde(default)]
    pub share_text: bool,
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u64,
}

impl LrsSettings {
    /// None when no LRS is configured.
    pub fn load(paths: &DataPaths) -> Result<Option<LrsSettings>, StoreError> {
        let path = paths.lrs_settings_file();
        let settings: Option<LrsSettings> = read(&path, SETTINGS_SCHEMA)?;
        match settings {
            Some(settings) => match check_endpoint(&settings.endpoint) {
                Ok(_) => Ok(Some(settings)),
                Err(reason) => Err(StoreError::Refused { path, reason }),
            },
            None => Ok(None),
        }
    }

    pub fn save(&self, paths: &DataPaths) -> Result<(), StoreError> {
        let path = paths.lrs_settings_file();
        let text = to_ron(self).map_err(|reason| StoreError::Io {
            path: path.clone(),
            reason,
        })?;
        write_atomic(&path, text.as_bytes())
    }
}

/// The scheme and host of an endpoint: `https://lrs.example.org`.
pub fn origin(endpoint: &str) -> String {
    let Some((scheme, rest)) = endpoint.split_once("://") else {
        return endpoint.to_owned();
    };
    let host = rest.split('/').next().unwrap_or_default();
    format!("{scheme}://{host}")
}

/// An endpoint casebook will send to, ending in `/`: HTTPS, or plain HTTP
/// to this machine only (a learner's records never cross a network in the
/// clear). No credentials, query or fragment in it.
pub fn check_endpoint(endpoint: &str) -> Result<String, String> {
    let endpoint = endpoint.trim();
    let Some((scheme, rest)) = endpoint.split_once("://") else {
        return Err(text::lrs_endpoint_not_url(endpoint));
    };
    let scheme = scheme.to_ascii_lowercase();
    let host_port = rest.split('/').next().unwrap_or_default();
    if host_port.is_empty() || host_port.contains('@') || rest.contains(['?', '#', ' ']) {
        return Err(text::lrs_endpoint_not_url(endpoint));
    }
    let host = if let Some(bracketed) = host_port.strip_prefix('[') {
        bracketed.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    match scheme.as_str() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => return Err(text::lrs_endpoint_not_https(endpoint)),
        _ => return Err(text::lrs_endpoint_not_url(endpoint)),
    }
    let mut checked = format!("{scheme}://{rest}");
    if !checked.ends_with('/') {
        checked.push('/');
    }
    Ok(checked)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_required_except_on_this_machine() {
        assert_eq!(
            check_endpoint("https://lrs.example.org/xapi").as_deref(),
            Ok("https://lrs.example.org/xapi/")
        );
        assert_eq!(
            check_endpoint("http://127.0.0.1:8080/xAPI/").as_deref(),
            Ok("http://127.0.0.1:8080/xAPI/")
        );
        assert!(check_endpoint("http://localhost/xapi").is_ok());
        assert!(check_endpoint("http://[::1]:9000/xapi").is_ok());
        for refused in [
            "http://lrs.example.org/xapi",
            "http://10.0.0.1/xapi",
            "http://127.0.0.1.example.org/xapi",
            "ftp://lrs.example.org/",
            "lrs.example.org/xapi",
            "https://user:pass@lrs.example.org/xapi",
            "https://lrs.example.org/xapi?key=1",
            "https:///xapi",
        ] {
            assert!(check_endpoint(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_account_home_page_is_the_endpoints_origin() {
        assert_eq!(origin("https://lrs.example.org/xapi/"), "https://lrs.example.org");
        assert_eq!(origin("http://127.0.0.1:8080/xAPI/"), "http://127.0.0.1:8080");
    }
}
