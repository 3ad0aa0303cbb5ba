//! `base_url`: where `site/` is published. It is written into every page's canonical and
//! hreflang links, the Atom feeds and the JSON-LD `@id`, so only a plain web address passes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

/// An absolute `http://` or `https://` address with a host, as written in `project.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// The address as written, e.g. `https://notices.example/privacy`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Accepts `text` when it is a web address pages can be linked under, or says what is wrong.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        // The url crate drops tabs and line breaks and trims spaces, but the text is used as
        // written: anything it would silently change is refused.
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("it contains a space or a control character".into());
        }
        // Characters a web address only carries percent-encoded; as written they could end an
        // HTML attribute or a JSON string early if an output forgot to escape them.
        if let Some(c) = text.chars().find(|c| "\"'<>`\\{}|^".contains(*c)) {
            return Err(format!(
                "it contains `{c}`, which a web address writes percent-encoded"
            ));
        }
        let url =
            url::Url::parse(text).map_err(|err| format!("it is not a web address ({err})"))?;
        if !matches!(url.scheme(), "https" | "http") {
            return Err(format!("its scheme is `{}:`", url.scheme()));
        }
        // `https:host` and `https:\\host` parse too, but are no address to print in a link.
        if !text[url.scheme().len()..].starts_with("://") {
            return Err(format!("it does not start with `{}://`", url.scheme()));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err("it has no host".into());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("it has a user name or password".into());
        }
        // Page paths are appended to it: after a `?` or `#` they would not be paths.
        if url.query().is_some() || url.fragment().is_some() {
            return Err("it has a `?query` or `#fragment`".into());
        }
        Ok(BaseUrl(text.to_string()))
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for BaseUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        BaseUrl::parse(&text).map_err(|problem| {
            de::Error::custom(format!(
                "invalid `base_url`: {problem}; expected an absolute http:// or https:// address \
                 with a host, like `https://notices.example` or `https://example.fi/privacy`"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_addresses_are_base_urls() {
        for good in [
            "https://notices.example",
            "https://notices.example/",
            "http://localhost:8080/privacy/",
            "HTTPS://Example.FI/a/b",
        ] {
            assert_eq!(BaseUrl::parse(good).map(|u| u.to_string()), Ok(good.into()));
        }
        for bad in [
            "javascript:alert(1)//",
            "data:text/html,x",
            "//notices.example",
            "notices.example",
            "https:notices.example",
            "https:\\\\notices.example",
            "file:///etc",
            "https://",
            "https://user:pw@notices.example",
            "https://notices.example/?x=1",
            "https://notices.example/#top",
            "https://notices.example/\" onload=\"x",
            "https://notices.exa\nmple",
            "https://notices.example/\"x",
            "https://notices.example/<b>",
            "",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
