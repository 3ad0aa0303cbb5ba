//! Well-known processors and trackers a notice may name. A service the text says is used
//! becomes a recipient (a processor, marked for review); nothing else about it is assumed:
//! no transfer, no safeguard and no cookie names, as the text does not give them.

/// A known service: the words that name it and the name to write.
struct Service {
    id: &'static str,
    name: &'static str,
    needles: &'static [&'static str],
}

const SERVICES: &[Service] = &[
    Service {
        id: "google-analytics",
        name: "Google Analytics",
        needles: &["google analytics", "google-analytics", "googleanalytics"],
    },
    Service {
        id: "google-tag-manager",
        name: "Google Tag Manager",
        needles: &["google tag manager", "tag manager"],
    },
    Service {
        id: "recaptcha",
        name: "Google reCAPTCHA",
        needles: &["recaptcha"],
    },
    Service {
        id: "google-ads",
        name: "Google Ads",
        needles: &["google ads", "adwords"],
    },
    Service {
        id: "google-workspace",
        name: "Google Workspace",
        needles: &["google workspace", "g suite", "gmail"],
    },
    Service {
        id: "youtube",
        name: "YouTube",
        needles: &["youtube"],
    },
    Service {
        id: "mailchimp",
        name: "Mailchimp",
        needles: &["mailchimp"],
    },
    Service {
        id: "meta-pixel",
        name: "Meta Pixel (Facebook)",
        needles: &[
            "facebook pixel",
            "facebook-pikseli",
            "meta pixel",
            "meta-pikseli",
            "facebook-pixel",
        ],
    },
    Service {
        id: "facebook",
        name: "Meta (Facebook)",
        needles: &["facebook", "instagram"],
    },
    Service {
        id: "linkedin",
        name: "LinkedIn",
        needles: &["linkedin insight", "linkedin"],
    },
    Service {
        id: "microsoft-365",
        name: "Microsoft 365",
        needles: &["microsoft 365", "office 365", "microsoft teams"],
    },
    Service {
        id: "hubspot",
        name: "HubSpot",
        needles: &["hubspot"],
    },
    Service {
        id: "hotjar",
        name: "Hotjar",
        needles: &["hotjar"],
    },
    Service {
        id: "matomo",
        name: "Matomo",
        needles: &["matomo", "piwik"],
    },
    Service {
        id: "stripe",
        name: "Stripe",
        needles: &["stripe"],
    },
    Service {
        id: "paypal",
        name: "PayPal",
        needles: &["paypal"],
    },
    Service {
        id: "klarna",
        name: "Klarna",
        needles: &["klarna"],
    },
    Service {
        id: "paytrail",
        name: "Paytrail",
        needles: &["paytrail"],
    },
    Service {
        id: "zoom",
        name: "Zoom",
        needles: &["zoom"],
    },
    Service {
        id: "vimeo",
        name: "Vimeo",
        needles: &["vimeo"],
    },
    Service {
        id: "cloudflare",
        name: "Cloudflare",
        needles: &["cloudflare"],
    },
    Service {
        id: "shopify",
        name: "Shopify",
        needles: &["shopify"],
    },
    Service {
        id: "woocommerce",
        name: "WooCommerce",
        needles: &["woocommerce"],
    },
    Service {
        id: "zapier",
        name: "Zapier",
        needles: &["zapier"],
    },
    Service {
        id: "intercom",
        name: "Intercom",
        needles: &["intercom"],
    },
    Service {
        id: "zendesk",
        name: "Zendesk",
        needles: &["zendesk"],
    },
    Service {
        id: "calendly",
        name: "Calendly",
        needles: &["calendly"],
    },
];

/// Words that deny a service is used ("emme käytä", "we do not use").
const NEGATIONS: &[&str] = &[
    "emme käytä",
    "ei käytetä",
    "ei käytä",
    "do not use",
    "don't use",
    "does not use",
    "använder inte",
    "inte använder",
    "används inte",
];

/// A known service the text says is used, with the sentence that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundService {
    /// The recipient id to write.
    pub(crate) id: &'static str,
    /// The service's name.
    pub(crate) name: &'static str,
    /// The words of the input that named it, for the `# import: guessed from` comment.
    pub(crate) quote: String,
}

/// The known services `text` names as used, each once, in the order first named. A more
/// specific service hides a general one named by the same words (the Meta pixel, Facebook).
pub(crate) fn services_in(text: &str) -> Vec<FoundService> {
    let mut found: Vec<(usize, FoundService)> = Vec::new();
    for sentence in sentences(text) {
        let lower = sentence.to_lowercase();
        if NEGATIONS.iter().any(|n| lower.contains(n)) {
            continue;
        }
        let mut claimed: Vec<std::ops::Range<usize>> = Vec::new();
        for service in SERVICES {
            let Some((at, needle)) = service
                .needles
                .iter()
                .filter_map(|n| word_at(&lower, n).map(|at| (at, *n)))
                .min()
            else {
                continue;
            };
            let range = at..at + needle.len();
            if claimed
                .iter()
                .any(|r| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            claimed.push(range);
            if found.iter().all(|(_, f)| f.id != service.id) {
                let quote = sentence
                    .get(at..at + needle.len())
                    .unwrap_or(needle)
                    .to_string();
                found.push((
                    found.len(),
                    FoundService {
                        id: service.id,
                        name: service.name,
                        quote,
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(order, _)| *order);
    found.into_iter().map(|(_, f)| f).collect()
}

/// Where `needle` starts in `haystack` as a word of its own (not inside "zoomata" or "stripes").
fn word_at(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| {
            let before = haystack[..at].chars().next_back();
            let after = haystack[at + needle.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphabetic() || inflection(needle, c))
        })
}

/// Whether `next` can start a Finnish case ending on `needle` ("Zoomissa", "YouTubea", "Stripen"),
/// as opposed to a longer word ("zoomata").
fn inflection(needle: &str, next: char) -> bool {
    let vowel_end = needle.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö']);
    if vowel_end {
        "aänslt".contains(next)
    } else {
        next == 'i'
    }
}

/// Rough sentences: split after ". ", "! ", "? " and line breaks.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end =
            b == b'\n' || (matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' '));
        if end {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        services_in(text).iter().map(|s| s.id).collect()
    }

    #[test]
    fn services_named_as_used_are_found_once() {
        assert_eq!(
            ids(
                "Kävijätiedot kerätään Google Analytics -työkalulla. Google Analyticsia käytetään tilastointiin."
            ),
            ["google-analytics"]
        );
        assert_eq!(
            ids("Käytämme Mailchimpiä uutiskirjeisiin ja Facebook-pikseliä."),
            ["mailchimp", "meta-pixel"]
        );
        assert_eq!(
            ids("Sivustolla on upotettuja YouTube-videoita."),
            ["youtube"]
        );
    }

    #[test]
    fn denied_and_partial_words_are_not_services() {
        assert!(ids("Emme käytä Google Analyticsia.").is_empty());
        assert!(ids("Kuvaa voi zoomata.").is_empty());
    }

    #[test]
    fn the_quote_is_the_input_as_written() {
        assert_eq!(services_in("käytössä on HubSpot CRM")[0].quote, "HubSpot");
    }
}
