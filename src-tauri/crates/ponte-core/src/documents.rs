//! Brazilian tax documents: CPF (people) and CNPJ (companies), including the alphanumeric CNPJ
//! issued since July 2026 (IN RFB 2.229/2024). No crate on crates.io validates the alphanumeric
//! form, so this is our own code, tested against the Receita Federal's published examples.

/// Why a document was refused; each maps to a catalogue key shown next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentProblem {
    WrongLength,
    InvalidCharacters,
    CheckDigit,
    /// All digits equal (111.111.111-11): passes the arithmetic, never issued.
    Repeated,
    /// Letters where the two check digits must be numbers.
    LettersInCheckDigits,
}

impl DocumentProblem {
    pub fn key(self) -> &'static str {
        match self {
            Self::WrongLength => "wrong_length",
            Self::InvalidCharacters => "invalid_characters",
            Self::CheckDigit => "check_digit",
            Self::Repeated => "repeated",
            Self::LettersInCheckDigits => "letters_in_check_digits",
        }
    }
}

/// Keeps letters and digits (upper-cased), drops the punctuation people type: `.`, `/`, `-`, spaces.
/// Any other character is kept so that validation can refuse it rather than silently drop it.
pub fn normalize(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, '.' | '/' | '-' | ' ' | '\t'))
        .flat_map(char::to_uppercase)
        .collect()
}

fn check_digit(values: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = values.iter().zip(weights).map(|(v, w)| v * w).sum();
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

/// Validates a CPF; returns its 11 digits.
pub fn validate_cpf(input: &str) -> Result<String, DocumentProblem> {
    let n = normalize(input);
    if !n.chars().all(|c| c.is_ascii_digit()) {
        return Err(DocumentProblem::InvalidCharacters);
    }
    if n.len() != 11 {
        return Err(DocumentProblem::WrongLength);
    }
    let d: Vec<u32> = n.chars().map(|c| c.to_digit(10).unwrap_or(0)).collect();
    if d.iter().all(|&x| x == d[0]) {
        return Err(DocumentProblem::Repeated);
    }
    let dv1 = check_digit(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]);
    let dv2 = check_digit(&d[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    if d[9] != dv1 || d[10] != dv2 {
        return Err(DocumentProblem::CheckDigit);
    }
    Ok(n)
}

/// Validates a CNPJ, numeric or alphanumeric; returns its 14 characters upper-cased.
/// Each of the first 12 characters is worth its ASCII code minus 48 ('0'→0, 'A'→17); the two check digits
/// are numeric and computed modulo 11 with the same weights as the numeric CNPJ.
pub fn validate_cnpj(input: &str) -> Result<String, DocumentProblem> {
    let n = normalize(input);
    if !n.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
        return Err(DocumentProblem::InvalidCharacters);
    }
    if n.len() != 14 {
        return Err(DocumentProblem::WrongLength);
    }
    let chars: Vec<char> = n.chars().collect();
    if !chars[12..].iter().all(|c| c.is_ascii_digit()) {
        return Err(DocumentProblem::LettersInCheckDigits);
    }
    let v: Vec<u32> = chars.iter().map(|&c| c as u32 - 48).collect();
    if v.iter().all(|&x| x == v[0]) {
        return Err(DocumentProblem::Repeated);
    }
    let w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let w2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let dv1 = check_digit(&v[..12], &w1);
    let dv2 = check_digit(&v[..13], &w2);
    if v[12] != dv1 || v[13] != dv2 {
        return Err(DocumentProblem::CheckDigit);
    }
    Ok(n)
}

/// `12345678909` → `123.456.789-09`; anything else is returned unchanged.
pub fn format_cpf(n: &str) -> String {
    if n.len() != 11 || !n.is_ascii() {
        return n.to_string();
    }
    format!("{}.{}.{}-{}", &n[..3], &n[3..6], &n[6..9], &n[9..])
}

/// `12ABC34501DE35` → `12.ABC.345/01DE-35`; anything else is returned unchanged.
pub fn format_cnpj(n: &str) -> String {
    if n.len() != 14 || !n.is_ascii() {
        return n.to_string();
    }
    format!("{}.{}.{}/{}-{}", &n[..2], &n[2..5], &n[5..8], &n[8..12], &n[12..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpf_valid_with_and_without_punctuation() {
        assert_eq!(validate_cpf("529.982.247-25").unwrap(), "52998224725");
        assert_eq!(validate_cpf("52998224725").unwrap(), "52998224725");
        assert_eq!(validate_cpf(" 111.444.777-35 ").unwrap(), "11144477735");
    }

    #[test]
    fn cpf_refusals() {
        assert_eq!(validate_cpf("529.982.247-24"), Err(DocumentProblem::CheckDigit));
        assert_eq!(validate_cpf("111.111.111-11"), Err(DocumentProblem::Repeated));
        assert_eq!(validate_cpf("5299822472"), Err(DocumentProblem::WrongLength));
        assert_eq!(validate_cpf("529.982.247-2X"), Err(DocumentProblem::InvalidCharacters));
        assert_eq!(validate_cpf(""), Err(DocumentProblem::WrongLength));
    }

    #[test]
    fn cnpj_numeric() {
        assert_eq!(validate_cnpj("11.222.333/0001-81").unwrap(), "11222333000181");
        assert_eq!(validate_cnpj("11.222.333/0001-80"), Err(DocumentProblem::CheckDigit));
        assert_eq!(validate_cnpj("11.222.333/0001-8"), Err(DocumentProblem::WrongLength));
        assert_eq!(validate_cnpj("00.000.000/0000-00"), Err(DocumentProblem::Repeated));
    }

    #[test]
    fn cnpj_alphanumeric_receita_example() {
        // The Receita Federal's own example of the new format.
        assert_eq!(validate_cnpj("12.ABC.345/01DE-35").unwrap(), "12ABC34501DE35");
        assert_eq!(validate_cnpj("12abc34501de35").unwrap(), "12ABC34501DE35");
        assert_eq!(validate_cnpj("12.ABC.345/01DE-36"), Err(DocumentProblem::CheckDigit));
        assert_eq!(
            validate_cnpj("12.ABC.345/01DE-3A"),
            Err(DocumentProblem::LettersInCheckDigits)
        );
        assert_eq!(
            validate_cnpj("12.ABC.345/01D*-35"),
            Err(DocumentProblem::InvalidCharacters)
        );
    }

    #[test]
    fn formats() {
        assert_eq!(format_cpf("52998224725"), "529.982.247-25");
        assert_eq!(format_cnpj("12ABC34501DE35"), "12.ABC.345/01DE-35");
        assert_eq!(format_cnpj("123"), "123");
    }
}
