//! The standard wording of the facts a notice states through fixed values rather than its own
//! text: Art. 9(2) conditions, special categories, Art. 49(1) derogations, security measures,
//! the `[none]` statements, children's consent and direct marketing, in fi, sv and en.
//!
//! Sources: GDPR (EU) 2016/679 Arts. 8(1), 9(1)–(2), 10, 13(1)(e)–(f), 21(2)–(3), 28, 32, 49(1)
//! in their Finnish, Swedish and English texts; Tietosuojalaki 1050/2018 § 5.

use super::article::Article;
use super::pick;
use crate::model::{Derogation, Lang, SecurityMeasure, SpecialCategory, SpecialCategoryCondition};

/// The Art. 9(2) condition in words, e.g. "rekisteröidyn nimenomainen suostumus".
pub fn special_category_condition(condition: SpecialCategoryCondition, lang: Lang) -> &'static str {
    use SpecialCategoryCondition::*;
    let [fi, sv, en] = match condition {
        ExplicitConsent => [
            "rekisteröidyn nimenomainen suostumus",
            "den registrerades uttryckliga samtycke",
            "the data subject's explicit consent",
        ],
        Employment => [
            "työoikeuteen, sosiaaliturvaan ja sosiaaliseen suojeluun liittyvät velvollisuudet ja oikeudet",
            "skyldigheter och rättigheter inom arbetsrätten och på områdena social trygghet och socialt skydd",
            "obligations and rights in employment, social security and social protection law",
        ],
        VitalInterests => [
            "rekisteröidyn tai toisen henkilön elintärkeiden etujen suojaaminen, kun rekisteröity ei pysty antamaan suostumustaan",
            "skydd av den registrerades eller någon annan fysisk persons grundläggande intressen när den registrerade inte kan ge sitt samtycke",
            "protecting the vital interests of the data subject or another person who cannot give consent",
        ],
        NotForProfit => [
            "voittoa tavoittelemattoman säätiön, yhdistyksen tai muun elimen oikeutettu toiminta jäseniään koskien",
            "berättigad verksamhet hos en stiftelse, förening eller annan ideell organisation avseende dess medlemmar",
            "legitimate activities of a foundation, association or other not-for-profit body concerning its members",
        ],
        MadePublic => [
            "tiedot, jotka rekisteröity on nimenomaisesti saattanut julkisiksi",
            "uppgifter som på ett tydligt sätt har offentliggjorts av den registrerade",
            "data manifestly made public by the data subject",
        ],
        LegalClaims => [
            "oikeusvaateen laatiminen, esittäminen tai puolustaminen",
            "fastställande, utövande eller försvar av rättsliga anspråk",
            "the establishment, exercise or defence of legal claims",
        ],
        SubstantialPublicInterest => [
            "tärkeä yleinen etu unionin oikeuden tai jäsenvaltion lainsäädännön perusteella",
            "ett viktigt allmänintresse på grundval av unionsrätten eller medlemsstaternas nationella rätt",
            "reasons of substantial public interest, on the basis of Union or Member State law",
        ],
        HealthCare => [
            "ennaltaehkäisevä terveydenhuolto tai työterveyshuolto, terveyden- tai sosiaalihuolto",
            "förebyggande hälso- och sjukvård, yrkesmedicin, hälso- och sjukvård eller social omsorg",
            "preventive or occupational medicine, health or social care",
        ],
        PublicHealth => [
            "kansanterveyteen liittyvä yleinen etu",
            "allmänintresse på folkhälsoområdet",
            "public interest in the area of public health",
        ],
        ArchivingResearch => [
            "yleisen edun mukaiset arkistointitarkoitukset, tieteelliset tai historialliset tutkimustarkoitukset tai tilastolliset tarkoitukset",
            "arkivändamål av allmänt intresse, vetenskapliga eller historiska forskningsändamål eller statistiska ändamål",
            "archiving in the public interest, scientific or historical research or statistics",
        ],
    };
    pick(lang, fi, sv, en)
}

/// The article that sets the condition: Art. 9(2)(a) to (j).
pub fn special_category_condition_article(condition: SpecialCategoryCondition) -> Article {
    Article::new(9).paragraph(2).point(condition.letter())
}

/// The special category (Art. 9(1)) or criminal-offence data (Art. 10), in words.
pub fn special_category(category: SpecialCategory, lang: Lang) -> &'static str {
    use SpecialCategory::*;
    let [fi, sv, en] = match category {
        EthnicOrigin => [
            "rotu tai etninen alkuperä",
            "ras eller etniskt ursprung",
            "racial or ethnic origin",
        ],
        PoliticalOpinions => [
            "poliittiset mielipiteet",
            "politiska åsikter",
            "political opinions",
        ],
        Beliefs => [
            "uskonnollinen tai filosofinen vakaumus",
            "religiös eller filosofisk övertygelse",
            "religious or philosophical beliefs",
        ],
        TradeUnion => [
            "ammattiliiton jäsenyys",
            "medlemskap i fackförening",
            "trade union membership",
        ],
        Genetic => ["geneettiset tiedot", "genetiska uppgifter", "genetic data"],
        Biometric => [
            "biometriset tiedot henkilön yksiselitteistä tunnistamista varten",
            "biometriska uppgifter för att entydigt identifiera en fysisk person",
            "biometric data for uniquely identifying a person",
        ],
        Health => [
            "terveyttä koskevat tiedot",
            "uppgifter om hälsa",
            "data concerning health",
        ],
        SexualOrientation => [
            "seksuaalinen käyttäytyminen tai suuntautuminen",
            "sexualliv eller sexuell läggning",
            "sex life or sexual orientation",
        ],
        CriminalOffences => [
            "rikostuomioihin ja rikkomuksiin liittyvät tiedot",
            "uppgifter som rör fällande domar i brottmål och överträdelser",
            "data relating to criminal convictions and offences",
        ],
    };
    pick(lang, fi, sv, en)
}

/// Art. 9(1) for a special category, Art. 10 for criminal-offence data.
pub fn special_category_article(category: SpecialCategory) -> Article {
    match category {
        SpecialCategory::CriminalOffences => Article::new(10),
        _ => Article::new(9).paragraph(1),
    }
}

/// The Art. 49(1) derogation in words.
pub fn derogation(derogation: Derogation, lang: Lang) -> &'static str {
    use Derogation::*;
    let [fi, sv, en] = match derogation {
        ExplicitConsent => [
            "rekisteröidyn nimenomainen suostumus siirtoon sen jälkeen, kun hänelle on ilmoitettu siirron mahdollisista riskeistä",
            "den registrerades uttryckliga samtycke till överföringen, efter att ha informerats om dess möjliga risker",
            "the data subject's explicit consent to the transfer, after being informed of its possible risks",
        ],
        Contract => [
            "rekisteröidyn ja rekisterinpitäjän välisen sopimuksen täytäntöönpano tai rekisteröidyn pyynnöstä toteutettavat sopimusta edeltävät toimenpiteet",
            "fullgörande av ett avtal mellan den registrerade och den personuppgiftsansvarige eller åtgärder före avtalets ingående på den registrerades begäran",
            "performance of a contract between the data subject and the controller, or pre-contractual measures taken at the data subject's request",
        ],
        ContractInInterest => [
            "rekisteröidyn edun mukaisen, rekisterinpitäjän ja toisen henkilön välisen sopimuksen tekeminen tai täytäntöönpano",
            "ingående eller fullgörande av ett avtal i den registrerades intresse mellan den personuppgiftsansvarige och en annan person",
            "conclusion or performance of a contract in the data subject's interest between the controller and another person",
        ],
        PublicInterest => [
            "tärkeä yleiseen etuun liittyvä syy",
            "viktiga skäl som rör allmänintresset",
            "important reasons of public interest",
        ],
        LegalClaims => [
            "oikeusvaateen laatiminen, esittäminen tai puolustaminen",
            "fastställande, utövande eller försvar av rättsliga anspråk",
            "the establishment, exercise or defence of legal claims",
        ],
        VitalInterests => [
            "rekisteröidyn tai muiden henkilöiden elintärkeiden etujen suojaaminen, kun rekisteröity ei pysty antamaan suostumustaan",
            "skydd av den registrerades eller andra personers grundläggande intressen, när den registrerade inte kan ge sitt samtycke",
            "protecting the vital interests of the data subject or of others, where the data subject cannot give consent",
        ],
        PublicRegister => [
            "siirto rekisteristä, jonka tarkoituksena on lain mukaan antaa tietoa yleisölle",
            "överföring från ett register som enligt lag är avsett att ge information till allmänheten",
            "transfer from a register which by law is intended to provide information to the public",
        ],
        CompellingLegitimateInterests => [
            "rekisterinpitäjän pakottava oikeutettu etu (siirto ei toistu ja koskee vain rajallista määrää rekisteröityjä)",
            "den personuppgiftsansvariges tvingande berättigade intressen (överföringen upprepas inte och gäller endast ett begränsat antal registrerade)",
            "the controller's compelling legitimate interests (the transfer is not repetitive and concerns only a limited number of data subjects)",
        ],
    };
    pick(lang, fi, sv, en)
}

/// The point of Art. 49(1), or its second subparagraph.
pub fn derogation_article(derogation: Derogation) -> Article {
    let paragraph = Article::new(49).paragraph(1);
    match derogation.letter() {
        Some(letter) => paragraph.point(letter),
        None => paragraph.subparagraph(2),
    }
}

/// The standard sentence for a security measure the controller confirms.
pub fn security_measure(measure: SecurityMeasure, lang: Lang) -> String {
    use SecurityMeasure::*;
    let [fi, sv, en] = match measure {
        NoPaperRecords => [
            "Henkilötietoja ei säilytetä paperilla.",
            "Personuppgifter förvaras inte på papper.",
            "Personal data is not kept on paper.",
        ],
        LockedPremises => [
            "Paperiset asiakirjat säilytetään lukitussa tilassa.",
            "Pappershandlingar förvaras i ett låst utrymme.",
            "Paper documents are kept in locked premises.",
        ],
        SecureDisposal => [
            "Paperiset asiakirjat hävitetään tietoturvallisesti, kun niitä ei enää tarvita.",
            "Pappershandlingar förstörs på ett säkert sätt när de inte längre behövs.",
            "Paper documents are securely destroyed when no longer needed.",
        ],
        NeedToKnowAccess => [
            "Pääsy henkilötietoihin on rajattu niille, joiden työtehtävät sitä edellyttävät.",
            "Åtkomsten till personuppgifterna är begränsad till dem vars arbetsuppgifter kräver det.",
            "Access to personal data is limited to those whose duties require it.",
        ],
        PersonalCredentials => [
            "Jokainen käyttäjä kirjautuu järjestelmiin henkilökohtaisilla tunnuksilla.",
            "Varje användare loggar in i systemen med personliga inloggningsuppgifter.",
            "Each user signs in to the systems with personal credentials.",
        ],
        MultiFactorAuthentication => [
            "Kirjautuminen edellyttää salasanan lisäksi toista tunnistustekijää (monivaiheinen tunnistautuminen).",
            "Inloggning kräver utöver lösenordet ytterligare en faktor (flerfaktorsautentisering).",
            "Signing in requires a second factor besides the password (multi-factor authentication).",
        ],
        EncryptedConnections => [
            "Tiedot siirretään salattuja yhteyksiä (TLS) käyttäen.",
            "Uppgifterna överförs via krypterade förbindelser (TLS).",
            "Data is transmitted over encrypted connections (TLS).",
        ],
        EncryptedStorage => [
            "Tallennetut tiedot on salattu.",
            "Lagrade uppgifter är krypterade.",
            "Stored data is encrypted.",
        ],
        Firewalls => [
            "Palvelimet on suojattu palomuurein.",
            "Servrarna skyddas med brandväggar.",
            "Servers are protected by firewalls.",
        ],
        Backups => [
            "Tiedot varmuuskopioidaan säännöllisesti.",
            "Uppgifterna säkerhetskopieras regelbundet.",
            "Data is backed up regularly.",
        ],
        AccessLogging => [
            "Tietojen käytöstä tallentuu lokimerkinnät.",
            "Användningen av uppgifterna loggas.",
            "Use of the data is logged.",
        ],
        StaffConfidentiality => [
            "Henkilöstöä sitoo vaitiolovelvollisuus, ja se on perehdytetty tietosuojaan.",
            "Personalen har tystnadsplikt och har fått introduktion i dataskydd.",
            "Staff are bound by confidentiality and instructed in data protection.",
        ],
        ProcessorAgreements => {
            let article = Article::new(28);
            return match lang {
                Lang::Fi => format!(
                    "Jokaisen henkilötietojen käsittelijän kanssa on tehty {} mukainen sopimus.",
                    article.cite_genitive(lang)
                ),
                Lang::Sv => format!(
                    "Med varje personuppgiftsbiträde har ett avtal enligt {} ingåtts.",
                    article.cite(lang)
                ),
                Lang::En => format!(
                    "An agreement under {} is in place with every processor.",
                    article.cite(lang)
                ),
            };
        }
    };
    pick(lang, fi, sv, en).to_string()
}

/// `none.recipients`: no one but the controller receives the data, processors included
/// (Art. 4(9): a processor is a recipient too).
pub fn no_recipients(lang: Lang) -> &'static str {
    pick(
        lang,
        "Henkilötietoja ei vastaanota kukaan muu kuin rekisterinpitäjä: tietoja ei luovuteta kenellekään, eikä niitä käsittele rekisterinpitäjän lukuun yksikään henkilötietojen käsittelijä.",
        "Ingen annan än den personuppgiftsansvarige tar emot personuppgifterna: de lämnas inte ut till någon, och inget personuppgiftsbiträde behandlar dem för den personuppgiftsansvariges räkning.",
        "No one but the controller receives the personal data: it is not disclosed to anyone, and no processor processes it on the controller's behalf.",
    )
}

/// `none.transfers`: nothing leaves the EU/EEA (Art. 13(1)(f)).
pub fn no_transfers(lang: Lang) -> &'static str {
    pick(
        lang,
        "Henkilötietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
        "Personuppgifterna överförs inte till länder utanför EU eller EES.",
        "Personal data is not transferred outside the EU/EEA.",
    )
}

/// `none.cookies`: no cookies or similar technologies.
pub fn no_cookies(lang: Lang) -> &'static str {
    pick(
        lang,
        "Sivusto ei käytä evästeitä eikä muita vastaavia tekniikoita.",
        "Webbplatsen använder inte kakor eller andra liknande tekniker.",
        "The site does not use cookies or similar technologies.",
    )
}

/// The children's consent sentence: under the age limit the holder of parental responsibility
/// gives or authorises consent (Art. 8(1); Tietosuojalaki 1050/2018 § 5 sets 13 in Finland).
pub fn children(age_limit: u8, lang: Lang) -> String {
    let article = Article::new(8).paragraph(1).cite(lang);
    match lang {
        Lang::Fi => format!(
            "Alle {age_limit}-vuotiaan lapsen puolesta suostumuksen antaa tai hyväksyy huoltaja ({article}; tietosuojalaki 1050/2018, 5 §)."
        ),
        Lang::Sv => format!(
            "För ett barn under {age_limit} år ges eller godkänns samtycket av vårdnadshavaren ({article}; dataskyddslagen 1050/2018, 5 §)."
        ),
        Lang::En => format!(
            "For a child under {age_limit}, consent is given or authorised by the holder of parental responsibility ({article}; Finnish Data Protection Act 1050/2018, section 5)."
        ),
    }
}

/// The direct-marketing statement of a purpose: the person may always object (Art. 21(2)–(3)).
pub fn direct_marketing(lang: Lang) -> String {
    let article = Article::new(21).paragraph(2).cite(lang);
    match lang {
        Lang::Fi => format!(
            "Tietoja käytetään suoramarkkinointiin. Voit milloin tahansa vastustaa tietojesi käsittelyä suoramarkkinointia varten, jolloin niitä ei enää käsitellä tähän tarkoitukseen ({article})."
        ),
        Lang::Sv => format!(
            "Uppgifterna används för direktmarknadsföring. Du kan när som helst invända mot att dina uppgifter behandlas för direktmarknadsföring, och då behandlas de inte längre för detta ändamål ({article})."
        ),
        Lang::En => format!(
            "The data is used for direct marketing. You may object at any time to the processing of your data for direct marketing, and it will then no longer be processed for that purpose ({article})."
        ),
    }
}

/// A source that is publicly accessible (Art. 14(2)(f)).
pub fn public_source(lang: Lang) -> &'static str {
    pick(
        lang,
        "julkisesti saatavilla oleva lähde",
        "allmänt tillgänglig källa",
        "publicly accessible source",
    )
}
