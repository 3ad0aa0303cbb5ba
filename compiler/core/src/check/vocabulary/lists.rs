//! The vocabulary the rules recognise, in fi, sv and en. Patterns as [`super::find`] reads
//! them: stems match word starts, a trailing `$` asks for the whole word. Specific patterns
//! come before general ones.

use super::Named;

/// Negation words: a sentence with one of them says that something is not done.
#[rustfmt::skip]
pub(in crate::check) const NEGATION: &[&str] = &[
    "ei$", "eivät$", "emme$", "eikä$", "inte$", "ej$", "aldrig$", "inga$", "ingen$",
    "inget$", "not$", "never$", "no$", "nor$", "don$", "doesn$",
];

/// Services run by companies outside the EU/EEA (or that send data there), by their names.
#[rustfmt::skip]
pub(in crate::check) const SERVICES: &[Named] = &[
    ("Google Analytics", &["google analytics", "gtag$"]),
    ("Google Tag Manager", &["google tag manager"]),
    ("reCAPTCHA", &["recaptcha", "google recaptcha"]),
    ("YouTube", &["youtube"]),
    ("Google", &["google", "gmail"]),
    ("Mailchimp", &["mailchimp"]),
    ("Meta (Facebook)", &["facebook", "meta pixel", "meta platforms", "meta pikseli", "whatsapp"]),
    ("Instagram", &["instagram"]),
    ("LinkedIn", &["linkedin"]),
    ("Microsoft", &["microsoft", "azure", "office 365$", "outlook"]),
    ("Amazon Web Services", &["amazon", "aws$"]),
    ("HubSpot", &["hubspot"]),
    ("Salesforce", &["salesforce"]),
    ("Zoom", &["zoom$", "zoomin$", "zoomissa$", "zoomia$"]),
    ("Slack", &["slack$", "slackin$", "slackissa$", "slackia$"]),
    ("Stripe", &["stripe$", "stripen$", "stripeä$", "stripessa$"]),
    ("PayPal", &["paypal"]),
    ("Hotjar", &["hotjar"]),
    ("Cloudflare", &["cloudflare"]),
    ("Vimeo", &["vimeo"]),
    ("Calendly", &["calendly"]),
    ("Typeform", &["typeform"]),
    ("Zapier", &["zapier"]),
    ("Dropbox", &["dropbox"]),
    ("Shopify", &["shopify"]),
    ("TikTok", &["tiktok"]),
];

/// Names of the EU/EEA, its states and its own words for itself, in fi, sv and en.
#[rustfmt::skip]
pub(in crate::check) const EU_EEA: &[&str] = &[
    "eu$", "eta$", "eea$", "ees$", "euroop", "europ", "suom", "finland", "ahvenanmaa", "åland",
    "ruotsi", "sverige", "sweden", "norja", "norge", "norway", "tanska", "danmark", "denmark",
    "islan", "island", "iceland", "viro", "eesti", "estland", "estonia", "latvi", "lettland",
    "liettu", "litauen", "lithuania", "puola", "polen", "poland", "saksa", "tyskland",
    "german", "alankomai", "hollan", "nederländ", "netherland", "belgi", "luxemburg",
    "luxembourg", "ranska", "frankrike", "france", "irlan", "irland", "ireland", "itäval",
    "österrike", "austria", "itali", "espanja", "spanien", "spain", "portugal", "kreikka",
    "grekland", "greece", "kypro", "cypern", "cyprus", "malta", "tšekki", "tsekki", "tjeck",
    "czech", "slovakia", "slovakien", "sloveni", "unkari", "ungern", "hungary", "romania",
    "rumänien", "bulgaria", "bulgarien", "kroatia", "kroatien", "croatia", "liechtenstein",
];

/// The United States, the only country the EU-US Data Privacy Framework covers.
#[rustfmt::skip]
pub(in crate::check) const UNITED_STATES: &[&str] = &[
    "yhdysval", "usa$", "us$", "united states", "förenta staterna", "amerikan yhdysval",
];

/// "Outside", as notices write it about the EU/EEA.
#[rustfmt::skip]
pub(in crate::check) const OUTSIDE: &[&str] = &["ulkopuol", "utanför", "outside"];

/// Words for moving or keeping data, in a sentence about outside the EU/EEA.
#[rustfmt::skip]
pub(in crate::check) const TRANSFER_VERBS: &[&str] = &[
    "siir", "luovut", "säilyt", "käsit", "tallen", "sijait", "överf", "lagr", "behandl",
    "transfer", "stor", "process", "hosted", "located",
];

/// Saying "only as long as needed": the words around the vague period.
#[rustfmt::skip]
pub(in crate::check) const AS_LONG_AS: &[&str] = &["niin kauan kuin", "så länge", "as long as"];

/// "No longer", the other way of saying "as long as needed".
#[rustfmt::skip]
pub(in crate::check) const NO_LONGER: &[&str] = &["enää", "längre", "no longer"];

/// "Needed", "necessary", "required" in fi, sv and en.
#[rustfmt::skip]
pub(in crate::check) const NECESSARY: &[&str] = &[
    "tarpee", "tarvi", "tarpeelli", "välttämät", "behöv", "nödvänd", "erforderl", "necessar",
    "needed", "required",
];

/// A law in general, without naming it.
#[rustfmt::skip]
pub(in crate::check) const LAW_IN_GENERAL: &[&str] = &[
    "lain$", "laki$", "lainsäädä", "lakien$", "lakisää", "lagstift", "lag$", "lagen$", "law$",
    "laws$", "legislation", "legal$", "statutory",
];

/// What a law permits or requires, after the law.
#[rustfmt::skip]
pub(in crate::check) const LAW_SAYS: &[&str] = &[
    "salli", "edellyt", "vaati", "mukai", "määrää", "kräv", "tillåt", "enlig", "föreskr",
    "require", "permit", "allow",
];

/// Time units, for a retention period.
#[rustfmt::skip]
pub(in crate::check) const TIME_UNITS: &[&str] = &[
    "vuo", "v$", "kuukau", "kk$", "viik", "päiv", "vrk$", "tunn", "år$", "åren$", "års$",
    "månad", "mån$", "veck", "dag", "timm", "year", "yr", "month", "week", "day", "hour",
];

/// Number words up to twelve, for periods written out ("kuusi vuotta").
#[rustfmt::skip]
pub(in crate::check) const NUMBER_WORDS: &[&str] = &[
    "yksi$", "yhden$", "kaksi$", "kahden$", "kolme$", "kolmen$", "neljä$", "neljän$", "viisi$",
    "viiden$", "kuusi$", "kuuden$", "seitsemän$", "kahdeksan$", "yhdeksän$", "kymmenen$",
    "ett$", "en$", "två$", "tre$", "fyra$", "fem$", "sex$", "sju$", "åtta$", "nio$", "tio$",
    "one$", "two$", "three$", "four$", "five$", "six$", "seven$", "eight$", "nine$", "ten$",
    "twelve$", "tolv$", "kaksitoista$",
];

/// Words that set an end by an event: "until", "after the contract ends".
#[rustfmt::skip]
pub(in crate::check) const CRITERIA: &[&str] = &[
    "kunnes", "päätty", "päättym", "peruut", "perumi", "tills", "upphör", "avslut", "återkall",
    "until", "end$", "ends$", "ended", "terminat", "withdraw", "unsubscrib",
];

/// A named statute: the words of a law's name, or `§`, are found by [`super::names_a_law`].
/// Words that end like a Finnish law's name but are not one.
#[rustfmt::skip]
pub(in crate::check) const NOT_A_LAW: &[&str] = &["selain", "lainaus", "lainsäädän", "underlag"];

/// Marketing, as a purpose names it.
#[rustfmt::skip]
pub(in crate::check) const MARKETING: &[&str] = &[
    "suoramarkkin", "markkinoin", "uutiskir", "direktmarknadsf", "marknadsf", "nyhetsbrev",
    "direct marketing", "marketing", "newsletter",
];

/// The Art. 9(1) special categories, by name, as texts name them.
#[rustfmt::skip]
pub(in crate::check) const SPECIAL: &[Named] = &[
    ("health", &[
        "terveys", "terveyd", "terveyt", "sairau", "sairas", "lääkit", "diagnoos", "hälsa$",
        "hälsan$", "hälsot", "hälsou", "hälsod", "sjukdom", "health", "medical", "illness",
    ]),
    ("allergies", &["allergi", "allergy", "allergic", "intoleran"]),
    ("diet for medical reasons", &[
        "erityisruokavali", "erikoisruokavali", "keliak", "specialkost", "specialdiet", "celiaki",
        "celiac", "coeliac", "special diet",
    ]),
    ("religion or beliefs", &["uskonto", "uskonno", "uskonn", "vakaumu", "religi"]),
    ("trade union membership", &[
        "ammattiliit", "ammattiyhdist", "fackförbund", "fackförening", "fackligt", "trade union",
    ]),
    ("biometric data", &["biometri", "sormenjälj", "fingeravtr", "fingerprint", "kasvojentunnist", "facial recognition"]),
    ("sexual orientation or sex life", &[
        "seksuaali", "sexuell", "sexual", "sukupuolielä",
    ]),
    ("racial or ethnic origin", &["etnin", "etnisk", "ethnic", "rotu$", "rodul", "ras$", "racial"]),
    ("political opinions", &["poliitti mielipi", "puoluekan", "politisk åsikt", "political opinion"]),
    ("genetic data", &["geneetti", "genetisk", "genetic", "perimä", "dna$"]),
];

/// Criminal convictions and offences (Art. 10).
#[rustfmt::skip]
pub(in crate::check) const CRIMINAL: &[&str] = &[
    "rikosrekister", "rikostaust", "rikostuom", "brottsregist", "brottm", "criminal record",
    "criminal conviction", "criminal offence", "criminal background",
];

/// The repealed henkilötietolaki 523/1999, its Swedish and English names, and the abolished
/// tietosuojalautakunta (2019). `henkilötietojen` and `tietosuojalaki` (1050/2018) do not match.
#[rustfmt::skip]
pub(in crate::check) const REPEALED: &[Named] = &[
    ("henkilötietolaki (523/1999)", &["henkilötietolak", "henkilötietolai", "henkilötietolaeissa", "personuppgiftslag", "personal data act$", "523 1999$"]),
    ("tietosuojalautakunta", &["tietosuojalautakun", "datasekretessnämnd", "data protection board$ finland"]),
];

/// Words that begin like the repealed act's name but mean personal-data legislation in general.
#[rustfmt::skip]
pub(in crate::check) const REPEALED_EXCEPT: &[&str] = &["henkilötietolainsää"];

/// The data subject's rights of Arts. 15–21 by article, with the words that name them.
#[rustfmt::skip]
pub(in crate::check) const RIGHTS: &[(&str, &str, &[&str])] = &[
    ("15", "access", &["tarkast", "pääsy", "tillgång", "registerutdrag", "access"]),
    ("16", "rectification", &["oikai", "korja", "rättel", "rätta", "rectif", "correct"]),
    ("17", "erasure", &["poist", "unohde", "radera", "glömd", "erasure", "erase", "delet", "forgotten"]),
    ("18", "restriction", &["rajoit", "begräns", "restrict"]),
    ("20", "portability", &["siirto", "siirrettäv", "siirtää", "dataportab", "portab", "flytta", "överför", "transmit"]),
    ("21", "objection", &["vastust", "kieltä", "kielto", "invänd", "motsätt", "object"]),
];

/// The supervisory authority, as other texts name it.
#[rustfmt::skip]
pub(in crate::check) const AUTHORITY: &[&str] = &[
    "tietosuojavaltuut", "valvontaviranom", "dataombudsman", "tillsynsmyndighet",
    "data protection ombudsman", "supervisory authorit", "ombudsman",
];

/// Cookies and trackers, as texts name them.
#[rustfmt::skip]
pub(in crate::check) const TRACKERS: &[Named] = &[
    ("Google Analytics", &["google analytics", "gtag$"]),
    ("Google Tag Manager", &["google tag manager"]),
    ("Meta pixel", &["facebook pixel", "facebook pikseli", "meta pixel", "meta pikseli"]),
    ("Hotjar", &["hotjar"]),
    ("Matomo", &["matomo"]),
    ("Microsoft Clarity", &["microsoft clarity"]),
    ("LinkedIn Insight", &["linkedin insight"]),
    // Not "analytics" alone: server-side statistics need no cookie.
    ("visitor tracking", &["kävijäseuran", "besöksspårning", "visitor tracking"]),
    ("cookies", &["eväste", "cookie", "kakor$", "kakorna$", "kaka$", "kakan$"]),
];

/// What only non-essential cookies do: analytics, tracking, marketing (they need consent).
#[rustfmt::skip]
pub(in crate::check) const NON_ESSENTIAL: &[&str] = &[
    "google analytics", "google tag manager", "facebook pixel", "meta pixel", "hotjar", "matomo",
    "microsoft clarity", "linkedin insight", "analy", "kävijäseuran", "seurant", "tilastoi",
    "markkinoin", "mainon", "mainos", "kohdenn", "statisti", "besöksspårning", "marknadsf",
    "annons", "riktad", "tracking", "advertis", "marketing", "targeted",
];

/// A visitor told to refuse cookies in the browser: an opt-out, which is not consent.
#[rustfmt::skip]
pub(in crate::check) const OPT_OUT: &[&str] = &[
    "estää eväste", "estä eväste", "kieltäytyä eväste", "selai asetu",
    "blockera kakor", "blockera cookies", "webbläsar inställning", "block cookies",
    "disable cookies", "refuse cookies", "browser settings",
];
