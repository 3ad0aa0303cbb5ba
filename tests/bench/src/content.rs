//! The synthetic sources: one `notice.toml` per site, varied from the example content by a
//! seeded generator, and the agency layer every site extends. Names, addresses and e-mail
//! domains are invented (`.example`); no real person is named.

use std::fmt::Write;

/// The marker the bench edits to make a real text change: `kierros <n>` ("round n").
pub(crate) const MARKER: &str = "kierros 0";

/// The site's directory name.
pub(crate) fn site_name(index: usize) -> String {
    format!("site-{index:05}")
}

/// splitmix64: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `count` distinct indexes below `n`, in ascending order.
    fn subset(&mut self, n: usize, count: usize) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < count.min(n) {
            let i = self.below(n);
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen
    }
}

/// (fi, en)
type Pair = (&'static str, &'static str);

const TRADES: [Pair; 12] = [
    ("Kahvila", "café"),
    ("Leipomo", "bakery"),
    ("Kirjakauppa", "bookshop"),
    ("Kukkakauppa", "florist"),
    ("Autokorjaamo", "car repair shop"),
    ("Hammaslääkäriasema", "dental clinic"),
    ("Kuntosali", "gym"),
    ("Parturi-kampaamo", "hair salon"),
    ("Verkkokauppa", "online shop"),
    ("Tilitoimisto", "accounting firm"),
    ("Rakennuspalvelu", "building services"),
    ("Eläinklinikka", "veterinary clinic"),
];

const WORDS: [&str; 16] = [
    "Aurinko", "Kuutamo", "Tähti", "Meri", "Metsä", "Kallio", "Koivu", "Kuusi", "Lumi", "Ranta",
    "Saari", "Tuuli", "Virta", "Harju", "Lehto", "Niitty",
];

const CITIES: [(&str, &str); 10] = [
    ("Helsinki", "00100"),
    ("Tampere", "33100"),
    ("Turku", "20100"),
    ("Oulu", "90100"),
    ("Jyväskylä", "40100"),
    ("Kuopio", "70100"),
    ("Lahti", "15100"),
    ("Pori", "28100"),
    ("Vaasa", "65100"),
    ("Joensuu", "80100"),
];

const STREETS: [&str; 6] = [
    "Esimerkkikatu",
    "Koivukuja",
    "Rantatie",
    "Puistokatu",
    "Myllytie",
    "Kauppakatu",
];

struct Purpose {
    id: &'static str,
    title: Pair,
    basis: &'static str,
    description: Pair,
    interest: Option<Pair>,
    retention: Pair,
}

const PURPOSES: [Purpose; 8] = [
    Purpose {
        id: "asiakassuhde",
        title: (
            "Asiakassuhteen hoitaminen",
            "Managing the customer relationship",
        ),
        basis: "contract",
        description: (
            "Tarjousten, tilausten ja sopimusten hoitaminen sekä niihin liittyvä yhteydenpito.",
            "Handling quotes, orders and contracts, and keeping in touch about them.",
        ),
        interest: None,
        retention: (
            "Kaksi vuotta asiakassuhteen päättymisestä.",
            "Two years after the customer relationship ends.",
        ),
    },
    Purpose {
        id: "tilaukset",
        title: (
            "Tilausten käsittely ja toimitus",
            "Processing and delivering orders",
        ),
        basis: "contract",
        description: (
            "Tilauksen vastaanottaminen, vahvistaminen ja toimittaminen sekä *palautusten* käsittely.",
            "Receiving, confirming and delivering orders, and handling *returns*.",
        ),
        interest: None,
        retention: ("12 kuukautta tilauksesta.", "12 months from the order."),
    },
    Purpose {
        id: "laskutus",
        title: ("Laskutus ja kirjanpito", "Invoicing and accounting"),
        basis: "legal-obligation",
        description: (
            "Laskujen laatiminen ja kirjanpito kirjanpitolain (1336/1997) mukaisesti.",
            "Invoicing and bookkeeping as the Accounting Act (1336/1997) requires.",
        ),
        interest: None,
        retention: (
            "Kuusi vuotta tilikauden päättymisestä (kirjanpitolaki).",
            "Six years from the end of the financial year (Accounting Act).",
        ),
    },
    Purpose {
        id: "ajanvaraus",
        title: ("Ajanvaraukset", "Appointments"),
        basis: "contract",
        description: (
            "Varauksen vastaanottaminen ja vahvistaminen sekä muistutusviestit ennen varattua aikaa.",
            "Taking and confirming bookings, and sending reminders before the appointment.",
        ),
        interest: None,
        retention: (
            "12 kuukautta varauspäivästä.",
            "12 months from the booking date.",
        ),
    },
    Purpose {
        id: "palaute",
        title: (
            "Palautteen ja reklamaatioiden käsittely",
            "Handling feedback and complaints",
        ),
        basis: "legitimate-interests",
        description: (
            "Vastaamme palautteeseen ja selvitämme reklamaatiot.",
            "We reply to feedback and look into complaints.",
        ),
        interest: Some((
            "Meillä on oikeutettu etu vastata asiakkaidemme palautteeseen ja kehittää palveluamme. Asiakkaana voit kohtuudella odottaa, että palautteesi käsitellään.",
            "We have a legitimate interest in replying to feedback and improving our service. As a customer you can reasonably expect your feedback to be handled.",
        )),
        retention: (
            "Kaksi vuotta asian käsittelyn päättymisestä.",
            "Two years after the matter is closed.",
        ),
    },
    Purpose {
        id: "suoramarkkinointi",
        title: (
            "Suoramarkkinointi asiakkaille",
            "Direct marketing to customers",
        ),
        basis: "legitimate-interests",
        description: (
            "Kerromme nykyisille asiakkaillemme tarjouksista sähköpostitse. Voit kieltää markkinoinnin milloin tahansa.",
            "We tell our current customers about offers by e-mail. You can opt out at any time.",
        ),
        interest: Some((
            "Oikeutettu etumme on markkinoida samankaltaisia tuotteita nykyisille asiakkaille, kuten sähköisen viestinnän palveluista annettu laki sallii.",
            "Our legitimate interest is marketing similar products to current customers, as the Electronic Communications Services Act allows.",
        )),
        retention: (
            "Kolme vuotta viimeisestä ostosta.",
            "Three years after the last purchase.",
        ),
    },
    Purpose {
        id: "uutiskirje",
        title: ("Uutiskirje", "Newsletter"),
        basis: "consent",
        description: (
            "Uutiskirje lähetetään noin kerran kuukaudessa niille, jotka ovat tilanneet sen.",
            "The newsletter is sent about once a month to those who subscribed to it.",
        ),
        interest: None,
        retention: ("Kunnes peruutat tilauksen.", "Until you unsubscribe."),
    },
    Purpose {
        id: "rekrytointi",
        title: ("Rekrytointi", "Recruitment"),
        basis: "consent",
        description: (
            "Avoimien työpaikkojen hakemusten käsittely ja yhteydenpito hakijoihin.",
            "Handling applications for open positions and keeping in touch with applicants.",
        ),
        interest: None,
        retention: (
            "Kuusi kuukautta haun päättymisestä.",
            "Six months after the position is filled.",
        ),
    },
];

/// (id, title, description)
const CATEGORIES: [(&str, Pair, Pair); 5] = [
    (
        "yhteystiedot",
        ("Yhteystiedot", "Contact details"),
        (
            "Nimi, sähköpostiosoite, puhelinnumero ja tarvittaessa postiosoite.",
            "Name, e-mail address, phone number and, where needed, postal address.",
        ),
    ),
    (
        "tilaustiedot",
        ("Tilaus- ja varaustiedot", "Order and booking details"),
        (
            "| Tieto | Pakollinen |\n|---|---|\n| Nimi | kyllä |\n| Puhelinnumero tai sähköpostiosoite | kyllä |\n| Toimitusosoite | kyllä |\n| Lisätiedot | ei |\n",
            "| Item | Required |\n|---|---|\n| Name | yes |\n| Phone number or e-mail address | yes |\n| Delivery address | yes |\n| Additional notes | no |\n",
        ),
    ),
    (
        "maksutiedot",
        ("Maksutiedot", "Payment details"),
        (
            "Maksun summa, ajankohta ja maksutapahtuman tunniste. Korttitiedot käsittelee vain maksupalvelu.",
            "Amount, time and transaction ID of a payment. Card details are handled only by the payment provider.",
        ),
    ),
    (
        "markkinointiluvat",
        ("Markkinointiluvat ja -kiellot", "Marketing permissions"),
        (
            "Tieto uutiskirjeen tilauksesta ja markkinointikielloista sekä niiden ajankohdat.",
            "Whether you subscribed to the newsletter or opted out of marketing, and when.",
        ),
    ),
    (
        "asiointihistoria",
        ("Asiointihistoria", "Customer history"),
        (
            "- ostokset ja varaukset\n- palautteet ja reklamaatiot\n- yhteydenotot asiakaspalveluun\n",
            "- purchases and bookings\n- feedback and complaints\n- contacts with customer service\n",
        ),
    ),
];

/// (id, name, role, country, description)
const RECIPIENTS: [(&str, Pair, &str, Pair, Pair); 5] = [
    (
        "kirjanpito",
        ("Tilitoimisto Numerokas Oy", "Tilitoimisto Numerokas Oy"),
        "processor",
        ("Suomi", "Finland"),
        (
            "Hoitaa kirjanpidon ja käsittelee laskutustietoja vain rekisterinpitäjän lukuun.",
            "Keeps the books and processes invoicing data only on the controller's behalf.",
        ),
    ),
    (
        "maksupalvelu",
        ("Maksuvälitys Kolikko Oy", "Maksuvälitys Kolikko Oy"),
        "controller",
        ("Suomi", "Finland"),
        (
            "Välittää maksut. Se on maksutietojen osalta itsenäinen rekisterinpitäjä.",
            "Processes payments. It is an independent controller of payment data.",
        ),
    ),
    (
        "varausjarjestelma",
        (
            "Pöytälista Oy (varausjärjestelmä)",
            "Pöytälista Oy (booking system)",
        ),
        "processor",
        ("Suomi", "Finland"),
        (
            "Säilyttää varaukset ja lähettää vahvistus- ja muistutusviestit puolestamme.",
            "Stores bookings and sends confirmations and reminders on our behalf.",
        ),
    ),
    (
        "kuljetus",
        ("Kuljetusliike Vauhti Oy", "Kuljetusliike Vauhti Oy"),
        "processor",
        ("Suomi", "Finland"),
        (
            "Toimittaa tilaukset ja saa sitä varten nimen, osoitteen ja puhelinnumeron.",
            "Delivers orders and gets the name, address and phone number for it.",
        ),
    ),
    (
        "verohallinto",
        ("Verohallinto", "Finnish Tax Administration"),
        "authority",
        ("Suomi", "Finland"),
        (
            "Tietoja luovutetaan verolainsäädännön edellyttämässä laajuudessa.",
            "Data is disclosed as tax law requires.",
        ),
    ),
];

/// (id, name, provider, category, purpose, duration)
const COOKIES: [(&str, &str, Pair, &str, Pair, Pair); 3] = [
    (
        "analytiikka",
        "_pk_id",
        (
            "Tämä sivusto (Matomo-analytiikka)",
            "This website (Matomo analytics)",
        ),
        "analytics",
        (
            "Laskee kävijämääriä ja suosituimpia sivuja. Tiedot eivät poistu palvelimeltamme.",
            "Counts visits and the most popular pages. The data never leaves our server.",
        ),
        ("13 kuukautta", "13 months"),
    ),
    (
        "kieli",
        "lang",
        ("Tämä sivusto", "This website"),
        "preferences",
        (
            "Muistaa valitsemasi kielen.",
            "Remembers the language you chose.",
        ),
        ("Yksi vuosi", "One year"),
    ),
    (
        "mainonta",
        "_mv_id",
        ("Mainosverkko Esimerkki Oy", "Mainosverkko Esimerkki Oy"),
        "marketing",
        (
            "Näyttää mainoksiamme muilla sivustoilla vain, jos olet antanut siihen suostumuksen.",
            "Shows our ads on other websites, only if you have consented to it.",
        ),
        ("Kolme kuukautta", "Three months"),
    ),
];

/// A TOML basic string.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A language table.
fn t((fi, en): Pair) -> String {
    format!("{{ fi = {}, en = {} }}", q(fi), q(en))
}

fn t2(fi: &str, en: &str) -> String {
    format!("{{ fi = {}, en = {} }}", q(fi), q(en))
}

/// A valid Y-tunnus: seven digits and the check digit (weights 7, 9, 10, 5, 8, 4, 2; mod 11).
fn business_id(rng: &mut Rng) -> String {
    loop {
        let digits: Vec<u32> = (0..7).map(|_| rng.below(10) as u32).collect();
        let sum: u32 = digits
            .iter()
            .zip([7, 9, 10, 5, 8, 4, 2])
            .map(|(d, w)| d * w)
            .sum();
        let check = match sum % 11 {
            0 => 0,
            1 => continue,
            r => 11 - r,
        };
        let number: String = digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
        return format!("{number}-{check}");
    }
}

/// Which of the three released versions the sources describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Version {
    /// The first release.
    First,
    /// Editorial: the introduction gains a sentence.
    Second,
    /// Material: a new purpose.
    Third,
}

/// The source of site `index` as it stood at `version`, publishing in `languages`. A site
/// that publishes in Finnish only is written in Finnish only, with plain strings, like the
/// example `toiminimi-koodaaja`.
pub(crate) fn site_source(index: usize, version: Version, languages: &[&str]) -> String {
    let source = bilingual_source(index, version, languages);
    if languages == ["fi"] {
        finnish_only(&source)
    } else {
        source
    }
}

/// Replaces every `{ fi = "…", en = "…" }` that [`t`] wrote with its Finnish string.
fn finnish_only(source: &str) -> String {
    const OPEN: &str = "{ fi = \"";
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let fi_start = at + OPEN.len() - 1;
        let fi_end = fi_start + string_end(&rest[fi_start..]);
        let en_start = fi_end + ", en = ".len();
        let en_end = en_start + string_end(&rest[en_start..]);
        debug_assert_eq!(&rest[en_end..en_end + 2], " }");
        out.push_str(&rest[fi_start..fi_end]);
        rest = &rest[en_end + 2..];
    }
    out.push_str(rest);
    out
}

/// The length of the TOML basic string that `text` starts with, quotes included.
fn string_end(text: &str) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    text.len()
}

fn bilingual_source(index: usize, version: Version, languages: &[&str]) -> String {
    let mut rng = Rng::new(index as u64);
    let (trade_fi, trade_en) = *rng.pick(&TRADES);
    let word = *rng.pick(&WORDS);
    let company = format!("{trade_fi} {word} Oy");
    let (city, postcode) = *rng.pick(&CITIES);
    let street = format!("{} {}", rng.pick(&STREETS), 1 + rng.below(40));
    let domain = format!("{}.example", site_name(index));
    let id = business_id(&mut rng);
    let count = 2 + rng.below(3);
    let mut purposes = rng.subset(6, count);
    let count = 2 + rng.below(3);
    let categories = rng.subset(CATEGORIES.len(), count);
    let count = 1 + rng.below(3);
    let recipients = rng.subset(RECIPIENTS.len(), count);
    let count = rng.below(3);
    let cookies = rng.subset(COOKIES.len(), count);
    let mailer = rng.below(3) == 0;
    let dpo = rng.below(4) == 0;
    let custom = rng.below(2) == 0;
    if version == Version::Third {
        purposes.push(if mailer { 7 } else { 6 });
    }

    let mut s = String::with_capacity(12 * 1024);
    let _ = writeln!(
        s,
        "# {company}: a synthetic client site for the notice benchmark."
    );
    s.push_str("extends = [\"toimisto\"]\n");
    let langs: Vec<String> = languages.iter().map(|l| q(l)).collect();
    let _ = writeln!(s, "languages = [{}]\n", langs.join(", "));
    let _ = writeln!(
        s,
        "title = {}",
        t2(
            &format!("{company}: tietosuojaseloste"),
            &format!("{company}: privacy notice")
        )
    );
    let _ = writeln!(
        s,
        "register_name = {}",
        t2(
            &format!("{company}:n asiakasrekisteri"),
            &format!("{company} customer register")
        )
    );
    s.push_str("updated = 2025-06-02\n");
    let mut intro_fi = format!(
        "Tässä selosteessa kerromme, miten {company} käsittelee asiakkaidensa henkilötietoja. Lyhyesti:\n\n- keräämme vain tarvittavat tiedot\n- emme myy tietoja eteenpäin\n- voit kysyä tiedoistasi osoitteesta [tietosuoja@{domain}](mailto:tietosuoja@{domain})\n\nSelosteen tunniste: {MARKER}."
    );
    let mut intro_en = format!(
        "This notice explains how {company}, a {trade_en} in {city}, handles its customers' personal data. In short:\n\n- we collect only the data we need\n- we never sell data\n- ask about your data at [tietosuoja@{domain}](mailto:tietosuoja@{domain})\n\nNotice tag: {MARKER}."
    );
    if version >= Version::Second {
        intro_fi.push_str(" Vastaamme kysymyksiin kuukauden kuluessa.");
        intro_en.push_str(" We answer questions within a month.");
    }
    let _ = writeln!(s, "intro = {}", t2(&intro_fi, &intro_en));
    let _ = writeln!(
        s,
        "retention = {}\n",
        t((
            "Säilytämme tietoja vain kunkin käyttötarkoituksen kohdalla kerrotun ajan, minkä jälkeen ne poistetaan tai anonymisoidaan.",
            "We keep data only for the period stated for each purpose, after which it is deleted or anonymised."
        ))
    );

    s.push_str("[controller]\n");
    let _ = writeln!(s, "name = {}", q(&company));
    let _ = writeln!(s, "business_id = {}", q(&id));
    let _ = writeln!(
        s,
        "address = {}",
        t2(
            &format!("{street}, {postcode} {city}"),
            &format!("{street}, {postcode} {city}, Finland")
        )
    );
    let _ = writeln!(s, "email = {}", q(&format!("tietosuoja@{domain}")));
    let _ = writeln!(s, "website = {}\n", q(&format!("https://{domain}")));

    s.push_str("[contact]\n");
    let _ = writeln!(s, "role = {}", t(("Asiakaspalvelu", "Customer service")));
    let _ = writeln!(s, "email = {}", q(&format!("asiakaspalvelu@{domain}")));
    let _ = writeln!(s, "phone = {}\n", q(&format!("+358 40 {:07}", index)));
    if dpo {
        s.push_str("[dpo]\n");
        let _ = writeln!(
            s,
            "role = {}",
            t(("Tietosuojavastaava", "Data protection officer"))
        );
        let _ = writeln!(s, "email = {}\n", q(&format!("dpo@{domain}")));
    }

    for &p in &purposes {
        let purpose = &PURPOSES[p];
        s.push_str("[[purposes]]\n");
        let _ = writeln!(s, "id = {}", q(purpose.id));
        let _ = writeln!(s, "title = {}", t(purpose.title));
        let _ = writeln!(s, "basis = {}", q(purpose.basis));
        let _ = writeln!(s, "description = {}", t(purpose.description));
        if let Some(interest) = purpose.interest {
            let _ = writeln!(s, "legitimate_interest = {}", t(interest));
        }
        let _ = writeln!(s, "retention = {}\n", t(purpose.retention));
    }
    for &c in &categories {
        let (id, title, description) = CATEGORIES[c];
        s.push_str("[[data_categories]]\n");
        let _ = writeln!(s, "id = {}", q(id));
        let _ = writeln!(s, "title = {}", t(title));
        let _ = writeln!(s, "description = {}\n", t(description));
    }
    s.push_str("[[sources]]\nid = \"asiakas\"\n");
    let _ = writeln!(s, "title = {}", t(("Asiakas itse", "You")));
    let _ = writeln!(
        s,
        "description = {}\n",
        t((
            "Saamme tiedot sinulta lomakkeilla, puhelimitse, sähköpostitse tai asioidessasi luonamme.",
            "We get the data from you through forms, by phone, by e-mail or when you visit us."
        ))
    );
    for &r in &recipients {
        let (id, name, role, country, description) = RECIPIENTS[r];
        s.push_str("[[recipients]]\n");
        let _ = writeln!(s, "id = {}", q(id));
        let _ = writeln!(s, "name = {}", t(name));
        let _ = writeln!(s, "role = {}", q(role));
        let _ = writeln!(s, "country = {}", t(country));
        let _ = writeln!(s, "description = {}\n", t(description));
    }
    if mailer {
        s.push_str("[[recipients]]\nid = \"uutiskirjepalvelu\"\nname = \"Example Mailer Inc.\"\nrole = \"processor\"\n");
        let _ = writeln!(s, "country = {}\n", t(("Yhdysvallat", "United States")));
        s.push_str("[[transfers]]\nid = \"uutiskirje\"\nrecipient = \"Example Mailer Inc.\"\n");
        let _ = writeln!(s, "country = {}", t(("Yhdysvallat", "United States")));
        s.push_str("safeguard = \"adequacy-dpf\"\n");
        let _ = writeln!(
            s,
            "description = {}\n",
            t((
                "Uutiskirjepalvelu on sitoutunut EU:n ja Yhdysvaltojen väliseen tietosuojakehykseen.",
                "The newsletter service is certified under the EU-US Data Privacy Framework."
            ))
        );
    }
    for &c in &cookies {
        let (id, name, provider, category, purpose, duration) = COOKIES[c];
        s.push_str("[[cookies]]\n");
        let _ = writeln!(s, "id = {}", q(id));
        let _ = writeln!(s, "name = {}", q(name));
        let _ = writeln!(s, "provider = {}", t(provider));
        let _ = writeln!(s, "category = {}", q(category));
        let _ = writeln!(s, "purpose = {}", t(purpose));
        let _ = writeln!(s, "duration = {}\n", t(duration));
    }
    s.push_str("[data_requirement]\nkind = \"contract-prerequisite\"\n");
    let _ = writeln!(
        s,
        "consequences = {}\n",
        t((
            "Yhteystiedot tarvitaan tilauksen tai varauksen tekemiseen; ilman niitä emme voi palvella sinua. Markkinointiluvat ovat vapaaehtoisia.",
            "Contact details are needed to place an order or a booking; without them we cannot serve you. Marketing permissions are voluntary."
        ))
    );
    if !mailer {
        s.push_str("[intros]\n");
        let _ = writeln!(
            s,
            "transfers = {}\n",
            t((
                "Henkilötietoja ei siirretä EU:n tai Euroopan talousalueen ulkopuolelle.",
                "Personal data is not transferred outside the EU or the European Economic Area."
            ))
        );
    }
    s.push_str("[[rights]]\nid = \"access\"\n");
    let _ = writeln!(
        s,
        "body = {}\n",
        t2(
            &format!(
                "Sinulla on oikeus tietää, mitä tietoja sinusta on tallennettu, ja saada niistä maksuton jäljennös. Lähetä pyyntö osoitteeseen [tietosuoja@{domain}](mailto:tietosuoja@{domain})."
            ),
            &format!(
                "You have the right to know what data we hold about you and to get a free copy of it. Send your request to [tietosuoja@{domain}](mailto:tietosuoja@{domain})."
            )
        )
    );
    if custom {
        s.push_str("[[sections]]\nid = \"muutokset\"\n");
        let _ = writeln!(
            s,
            "title = {}",
            t(("Selosteen muutokset", "Changes to this notice"))
        );
        let _ = writeln!(
            s,
            "body = {}",
            t((
                "Olennaisista muutoksista kerromme sähköpostitse vähintään 30 päivää etukäteen. Katso myös [oikeutesi](#oikeudet).",
                "We announce material changes by e-mail at least 30 days ahead. See also [your rights](#oikeudet)."
            ))
        );
    }
    s
}

/// The agency layer every site extends; it extends `fi-standard` in turn.
pub(crate) fn agency_layer() -> String {
    let mut s = String::new();
    s.push_str("# toimisto: the (fictional) web agency's layer shared by every benchmark site.\n");
    s.push_str("extends = [\"fi-standard\"]\n\n");
    let _ = writeln!(
        s,
        "[intros]\nrecipients = {}\n",
        t2(
            &format!(
                "Emme myy tai vuokraa henkilötietoja. Tietoja käsittelevät puolestamme vain alla luetellut palveluntarjoajat sopimuksen perusteella ({MARKER})."
            ),
            &format!(
                "We do not sell or rent out personal data. Only the service providers listed below process data on our behalf, under a contract ({MARKER})."
            ),
        )
    );
    s.push_str("[[purposes]]\nid = \"tietoturva\"\n");
    let _ = writeln!(
        s,
        "title = {}",
        t((
            "Sivuston tietoturva ja toimivuus",
            "Website security and operation"
        ))
    );
    s.push_str("basis = \"legitimate-interests\"\n");
    let _ = writeln!(
        s,
        "description = {}",
        t((
            "Palvelinlokeja käytetään vikatilanteiden selvittämiseen sekä hyökkäysten havaitsemiseen ja estämiseen.",
            "Server logs are used to investigate faults and to detect and prevent attacks."
        ))
    );
    let _ = writeln!(
        s,
        "legitimate_interest = {}",
        t((
            "Rekisterinpitäjän oikeutettu etu on pitää sivusto turvallisena ja toimivana. Lokeja ei käytetä markkinointiin.",
            "The controller's legitimate interest is keeping the website secure and working. The logs are not used for marketing."
        ))
    );
    let _ = writeln!(
        s,
        "retention = {}\n",
        t((
            "Palvelinlokit poistetaan automaattisesti 30 päivän kuluttua.",
            "Server logs are deleted automatically after 30 days."
        ))
    );
    s.push_str("[[data_categories]]\nid = \"lokitiedot\"\n");
    let _ = writeln!(s, "title = {}", t(("Palvelinlokit", "Server logs")));
    let _ = writeln!(
        s,
        "description = {}",
        t((
            "IP-osoite, ajankohta, pyydetty sivu sekä selaimen tunnistetiedot.",
            "IP address, time, the page requested and the browser's identifiers."
        ))
    );
    let _ = writeln!(s, "retention = {}\n", t(("30 päivää", "30 days")));
    s.push_str("[[recipients]]\nid = \"hosting\"\n");
    let _ = writeln!(
        s,
        "name = {}",
        t((
            "Toimisto Esimerkki Oy (sivuston ylläpito)",
            "Toimisto Esimerkki Oy (website hosting)"
        ))
    );
    s.push_str("role = \"processor\"\n");
    let _ = writeln!(s, "country = {}", t(("Suomi", "Finland")));
    let _ = writeln!(
        s,
        "description = {}\n",
        t((
            "Ylläpitää sivustoa ja sen palvelimia Suomessa henkilötietojen käsittelijänä.",
            "Runs the website and its servers in Finland as a processor."
        ))
    );
    s.push_str("[[cookies]]\nid = \"istunto\"\nname = \"te_session\"\ncategory = \"necessary\"\n");
    let _ = writeln!(s, "provider = {}", t(("Tämä sivusto", "This website")));
    let _ = writeln!(
        s,
        "purpose = {}",
        t((
            "Pitää lomakkeen tiedot tallessa sivulta toiselle. Sisältää vain satunnaisen istuntotunnisteen.",
            "Keeps form data between pages. Holds only a random session identifier."
        ))
    );
    let _ = writeln!(s, "duration = {}", t(("Istunnon ajan", "Session")));
    s
}
