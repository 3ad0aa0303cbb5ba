//! Finnish specifics: the Y-tunnus check digit.

use super::{Found, SiteView};

pub(super) fn business_id(site: &SiteView<'_>, out: &mut Vec<Found>) {
    let Some(id) = &site.notice().controller.business_id else {
        return;
    };
    if let Err(problem) = check_business_id(id) {
        out.push(Found::new(
            problem,
            site.locate(&["controller", "business_id"]),
        ));
    }
}

/// Validates a Y-tunnus: seven digits, a hyphen and a check digit. The digits are weighted
/// 7, 9, 10, 5, 8, 4, 2; with r = sum mod 11, the check digit is 0 for r = 0, and 11 − r
/// otherwise; r = 1 is never issued.
fn check_business_id(id: &str) -> Result<(), String> {
    let shape = || format!("business ID `{id}` is not of the form NNNNNNN-C");
    let (digits, check) = id.split_once('-').ok_or_else(shape)?;
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if digits.len() != 7 || check.len() != 1 || !all_digits(digits) || !all_digits(check) {
        return Err(shape());
    }
    let sum: u32 = digits
        .bytes()
        .zip([7, 9, 10, 5, 8, 4, 2])
        .map(|(digit, weight)| u32::from(digit - b'0') * weight)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => {
            return Err(format!(
                "business ID `{id}` cannot exist: no check digit is valid for `{digits}`"
            ));
        }
        r => 11 - r,
    };
    if check != expected.to_string() {
        return Err(format!(
            "business ID `{id}` has a wrong check digit: `{digits}` gives `{expected}`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_id_check_digit() {
        assert_eq!(check_business_id("2560057-1"), Ok(()));
        assert_eq!(check_business_id("3326815-0"), Ok(()));
        assert_eq!(
            check_business_id("2560057-2").unwrap_err(),
            "business ID `2560057-2` has a wrong check digit: `2560057` gives `1`"
        );
        for bad in [
            "2560057",
            "256005-71",
            "2560057-",
            "25600a7-1",
            "2560057-12",
            "",
        ] {
            assert!(
                check_business_id(bad)
                    .unwrap_err()
                    .contains("not of the form"),
                "{bad}"
            );
        }
        // 0000006: 6 × 2 = 12, and 12 mod 11 = 1.
        assert!(
            check_business_id("0000006-0")
                .unwrap_err()
                .contains("cannot exist"),
        );
    }
}
