//! The standard sections of a notice: their model keys, fixed page anchors and page order.

use super::{Notice, Text};

/// A standard section of every notice, in page order (the derived `Ord` is that order).
///
/// Render, diff and check all name sections through this type, so a section cannot be
/// misspelt in one of them, and a new section must be handled everywhere a `match` needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Who decides on the processing (Art. 13(1)(a)).
    Controller,
    /// Whom to contact about the register.
    Contact,
    /// The data protection officer (Art. 13(1)(b)).
    Dpo,
    /// The register's name, a Finnish convention.
    RegisterName,
    /// Why the data are processed, and on which legal basis (Art. 13(1)(c)).
    Purposes,
    /// What data are processed (Art. 14(1)(d)).
    DataCategories,
    /// Where the data come from (Art. 14(2)(f)).
    Sources,
    /// Who receives the data (Art. 13(1)(e)).
    Recipients,
    /// Transfers outside the EU/EEA (Art. 13(1)(f)).
    Transfers,
    /// How long the data are kept (Art. 13(2)(a)).
    Retention,
    /// Whether giving the data is required (Art. 13(2)(e)).
    DataRequirement,
    /// Automated decisions and profiling (Art. 13(2)(f)).
    AutomatedDecisions,
    /// Cookies and similar technologies.
    Cookies,
    /// How the register is protected.
    Security,
    /// The data subject's rights (Arts. 15–22).
    Rights,
    /// The supervisory authority (Art. 13(2)(d), Art. 77).
    Authority,
}

impl Section {
    /// Every standard section, in page order.
    pub const ALL: [Section; 16] = [
        Section::Controller,
        Section::Contact,
        Section::Dpo,
        Section::RegisterName,
        Section::Purposes,
        Section::DataCategories,
        Section::Sources,
        Section::Recipients,
        Section::Transfers,
        Section::Retention,
        Section::DataRequirement,
        Section::AutomatedDecisions,
        Section::Cookies,
        Section::Security,
        Section::Rights,
        Section::Authority,
    ];

    /// The section's key in the source format (`[controller]`, `[[data_categories]]`,
    /// `intros.data_categories`).
    pub fn key(self) -> &'static str {
        self.ids().0
    }

    /// The fixed `id` of the section on the page. Anchors are part of the public interface:
    /// links from elsewhere rely on them, so they never change with the text.
    pub fn anchor(self) -> &'static str {
        self.ids().1
    }

    fn ids(self) -> (&'static str, &'static str) {
        match self {
            Section::Controller => ("controller", "rekisterinpitaja"),
            Section::Contact => ("contact", "yhteyshenkilo"),
            Section::Dpo => ("dpo", "tietosuojavastaava"),
            Section::RegisterName => ("register_name", "rekisterin-nimi"),
            Section::Purposes => ("purposes", "kasittelyn-tarkoitus"),
            Section::DataCategories => ("data_categories", "tietosisalto"),
            Section::Sources => ("sources", "tietolahteet"),
            Section::Recipients => ("recipients", "luovutukset"),
            Section::Transfers => ("transfers", "siirrot"),
            Section::Retention => ("retention", "sailytysaika"),
            Section::DataRequirement => ("data_requirement", "tietojen-antaminen"),
            Section::AutomatedDecisions => ("automated_decisions", "automaattinen-paatoksenteko"),
            Section::Cookies => ("cookies", "evasteet"),
            Section::Security => ("security", "suojaus"),
            Section::Rights => ("rights", "oikeudet"),
            Section::Authority => ("authority", "valvontaviranomainen"),
        }
    }

    /// The section whose source key is `key`.
    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|section| section.key() == key)
    }

    /// The notice's introduction to this section (`intros.<key>`), if it has one.
    pub fn intro(self, notice: &Notice) -> Option<&Text> {
        let intros = &notice.intros;
        match self {
            Section::Controller => intros.controller.as_ref(),
            Section::Contact => intros.contact.as_ref(),
            Section::Dpo => intros.dpo.as_ref(),
            Section::RegisterName => intros.register_name.as_ref(),
            Section::Purposes => intros.purposes.as_ref(),
            Section::DataCategories => intros.data_categories.as_ref(),
            Section::Sources => intros.sources.as_ref(),
            Section::Recipients => intros.recipients.as_ref(),
            Section::Transfers => intros.transfers.as_ref(),
            Section::Retention => intros.retention.as_ref(),
            Section::DataRequirement => intros.data_requirement.as_ref(),
            Section::AutomatedDecisions => intros.automated_decisions.as_ref(),
            Section::Cookies => intros.cookies.as_ref(),
            Section::Security => intros.security.as_ref(),
            Section::Rights => intros.rights.as_ref(),
            Section::Authority => intros.authority.as_ref(),
        }
    }
}

/// The fixed anchor of the right to object when it stands apart from the other rights
/// (Art. 21(4)); like the section anchors it never changes.
pub const OBJECTION_ANCHOR: &str = "vastustamisoikeus";

/// Ids the page itself uses besides the sections.
pub const PAGE_IDS: [&str; 3] = ["main", "toc", OBJECTION_ANCHOR];

/// Every id a page fixes before any custom section or generated heading id is made.
pub fn reserved_ids() -> impl Iterator<Item = &'static str> {
    Section::ALL
        .into_iter()
        .map(Section::anchor)
        .chain(PAGE_IDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_anchors_are_unique_and_round_trip() {
        let mut anchors: Vec<&str> = reserved_ids().collect();
        anchors.sort_unstable();
        anchors.dedup();
        assert_eq!(anchors.len(), Section::ALL.len() + PAGE_IDS.len());
        for section in Section::ALL {
            assert_eq!(Section::from_key(section.key()), Some(section));
        }
        assert!(Section::ALL.is_sorted(), "ALL is in page order");
    }
}
