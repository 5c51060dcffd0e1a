//! Reversible locator codes.
//!
//! Every code in the data set (locators, tickets, vouchers, sale locators) is an affine permutation of
//! a small integer that names its booking and product, written in a fixed alphabet. Because the map can
//! be inverted, a `locator=CODE` search decodes CODE into candidate booking indexes and regenerates only
//! those bookings, instead of scanning 100 000 of them; the regenerated booking is then compared
//! exactly (case-sensitively) with CODE, so decoding never creates a false match.

use crate::data::mix;

/// Upper-case letters and digits, without the look-alikes I, O, 0 and 1 (airline PNR style).
pub(crate) const UPPER32: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Mixed case: the same letter in two cases is two different codes (the user types a document exactly as
/// shown: docs/PROTOCOLS.md#importing-by-document-or-by-date).
pub(crate) const MIXED62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
pub(crate) const DIGITS: &[u8] = b"0123456789";

/// One family of codes: `prefix` + `len` symbols of `alphabet`.
pub(crate) struct Codec {
    pub alphabet: &'static [u8],
    pub len: u32,
    pub prefix: &'static str,
    /// Multiplier of the permutation: a prime larger than any factor of the alphabet size, hence
    /// coprime with the modulus, hence invertible.
    pub mul: u128,
    /// Distinguishes the additive part of codecs that share an alphabet.
    pub salt: u64,
}

impl Codec {
    fn modulus(&self) -> u128 {
        (self.alphabet.len() as u128).pow(self.len)
    }

    fn offset(&self, seed: u64) -> u128 {
        u128::from(mix(seed, self.salt, 0)) % self.modulus()
    }

    /// The code of `n`. `n` must be below the modulus (the generator keeps it there: see `MAX_BOOKINGS`).
    ///
    /// Affine map, digit reversal, affine map again: each step is a bijection of `0..m`, and the
    /// reversal carries the low digits' variation to the top, so that neighbouring `n` get unrelated
    /// codes (as real locators look).
    pub fn encode(&self, seed: u64, n: u64) -> String {
        let m = self.modulus();
        debug_assert!(u128::from(n) < m, "code space exhausted");
        let off = self.offset(seed);
        let v = (u128::from(n) * self.mul + off) % m;
        let v = (self.reverse(v) * self.mul + off) % m;
        let mut out = String::with_capacity(self.prefix.len() + self.len as usize);
        out.push_str(self.prefix);
        out.extend(self.digits(v).iter().map(|&d| self.alphabet[d as usize] as char));
        out
    }

    /// The `n` whose code CODE would be, if CODE is written in this codec's alphabet (case-sensitive).
    pub fn decode(&self, seed: u64, code: &str) -> Option<u64> {
        let body = code.strip_prefix(self.prefix)?;
        if body.len() != self.len as usize {
            return None;
        }
        let base = self.alphabet.len() as u128;
        let mut v: u128 = 0;
        for b in body.bytes() {
            let digit = self.alphabet.iter().position(|&a| a == b)?;
            v = v * base + digit as u128;
        }
        let m = self.modulus();
        let off = self.offset(seed);
        let inverse = mod_inverse(self.mul % m, m)?;
        let v = (v + m - off) % m * inverse % m;
        let v = (self.reverse(v) + m - off) % m * inverse % m;
        u64::try_from(v).ok()
    }

    /// The `len` digits of `v`, most significant first.
    fn digits(&self, mut v: u128) -> Vec<u8> {
        let base = self.alphabet.len() as u128;
        let mut out = vec![0u8; self.len as usize];
        for slot in out.iter_mut().rev() {
            *slot = (v % base) as u8;
            v /= base;
        }
        out
    }

    /// `v` with its `len` digits in reverse order.
    fn reverse(&self, v: u128) -> u128 {
        let base = self.alphabet.len() as u128;
        self.digits(v)
            .iter()
            .rev()
            .fold(0, |acc, &d| acc * base + u128::from(d))
    }
}

/// Inverse of `a` modulo `m` (extended Euclid), if they are coprime.
fn mod_inverse(a: u128, m: u128) -> Option<u128> {
    let (mut old_r, mut r) = (a as i128, m as i128);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    if old_r != 1 {
        return None;
    }
    Some(old_s.rem_euclid(m as i128) as u128)
}

// The codecs of the data set. Each names what its `n` is made of, so that `data` can decode it.

/// Infotravel voucher code (in `urlVoucher`): n = booking index.
pub(crate) const IT_VOUCHER: Codec = Codec {
    alphabet: UPPER32,
    len: 8,
    prefix: "V",
    mul: 1_000_003,
    salt: 11,
};
/// Infotravel hotel SUPPLIER locator: n = index * 8 + product.
pub(crate) const IT_HOTEL: Codec = Codec {
    alphabet: MIXED62,
    len: 8,
    prefix: "",
    mul: 2_147_483_647,
    salt: 12,
};
/// Infotravel flight SUPPLIER locator (PNR): n = index * 8 + product.
pub(crate) const IT_PNR: Codec = Codec {
    alphabet: UPPER32,
    len: 6,
    prefix: "",
    mul: 16_777_259,
    salt: 13,
};
/// Infotravel flight TICKET number: n = (index * 8 + product) * 8 + passenger.
pub(crate) const IT_TICKET: Codec = Codec {
    alphabet: DIGITS,
    len: 10,
    prefix: "957",
    mul: 999_999_937,
    salt: 14,
};
/// Infotravel SUPPLIER locator of the other products: n = index * 8 + product.
pub(crate) const IT_SUPPLIER: Codec = Codec {
    alphabet: UPPER32,
    len: 8,
    prefix: "",
    mul: 4_294_967_311,
    salt: 15,
};
/// Infotravel SUPPLIER_EXT locator: n = index * 8 + product.
pub(crate) const IT_EXT: Codec = Codec {
    alphabet: MIXED62,
    len: 7,
    prefix: "",
    mul: 1_099_511_627_791,
    salt: 16,
};
/// Infotravel insurance policy (DOCUMENT): n = index * 8 + product.
pub(crate) const IT_POLICY: Codec = Codec {
    alphabet: DIGITS,
    len: 9,
    prefix: "AP",
    mul: 1_000_000_007,
    salt: 17,
};

/// Wooba sale Locator: n = index.
pub(crate) const W_SALE: Codec = Codec {
    alphabet: UPPER32,
    len: 6,
    prefix: "",
    mul: 1_000_003,
    salt: 21,
};
/// Wooba air product Locator (PNR): n = index * 8 + product.
pub(crate) const W_AIR: Codec = Codec {
    alphabet: UPPER32,
    len: 6,
    prefix: "",
    mul: 16_777_259,
    salt: 22,
};
/// Wooba hotel product Locator: n = index * 8 + product.
pub(crate) const W_HOTEL: Codec = Codec {
    alphabet: MIXED62,
    len: 8,
    prefix: "",
    mul: 2_147_483_647,
    salt: 23,
};
/// Wooba car product Locator: n = index * 8 + product.
pub(crate) const W_CAR: Codec = Codec {
    alphabet: DIGITS,
    len: 9,
    prefix: "",
    mul: 1_000_000_007,
    salt: 24,
};
/// Wooba insurance product Locator: n = index * 8 + product.
pub(crate) const W_INSURANCE: Codec = Codec {
    alphabet: UPPER32,
    len: 8,
    prefix: "",
    mul: 4_294_967_311,
    salt: 25,
};

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&Codec; 12] = [
        &IT_VOUCHER,
        &IT_HOTEL,
        &IT_PNR,
        &IT_TICKET,
        &IT_SUPPLIER,
        &IT_EXT,
        &IT_POLICY,
        &W_SALE,
        &W_AIR,
        &W_HOTEL,
        &W_CAR,
        &W_INSURANCE,
    ];

    #[test]
    fn every_codec_round_trips() {
        for codec in ALL {
            for seed in [0u64, 42, u64::MAX] {
                for n in (0..2000u64).chain([79_999_999, 639_999_999]) {
                    if u128::from(n) >= codec.modulus() {
                        continue;
                    }
                    let code = codec.encode(seed, n);
                    assert_eq!(codec.decode(seed, &code), Some(n), "{code}");
                }
            }
        }
    }

    #[test]
    fn decoding_is_case_sensitive() {
        let code = IT_HOTEL.encode(42, 12345);
        let flipped: String = code
            .chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect();
        assert_ne!(IT_HOTEL.decode(42, &flipped), Some(12345));
        assert_eq!(IT_PNR.decode(42, &IT_PNR.encode(42, 7).to_lowercase()), None);
    }
}
