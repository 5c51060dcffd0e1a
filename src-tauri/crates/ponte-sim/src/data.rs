//! Seeded, lazy data generator.
//!
//! Booking `i` of a supplier is a pure function of ([`DataSpec`], `i`): nothing is stored, so the
//! benchmarks' 100 000 bookings (~300 000 products) cost no memory, and tests compute the expected
//! replies with the same functions the server uses. Sale times grow with `i`, so a date range maps to
//! an index range by binary search; locator codes are reversible (see `codes`), so a locator search
//! regenerates one or two bookings. The shapes follow docs/PROTOCOLS.md (Infotravel and Wooba API Sales).

use std::ops::Range;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::codes::{self, Codec};

/// Most bookings a data set may have: keeps every code inside its code space.
pub const MAX_BOOKINGS: usize = 10_000_000;
/// Id of Infotravel booking 0; booking `i` has id `INFOTRAVEL_FIRST_ID + i`.
pub const INFOTRAVEL_FIRST_ID: u64 = 100_001;
/// `SaleId` of Wooba sale 0; sale `i` has `SaleId` `WOOBA_FIRST_SALE_ID + i`.
pub const WOOBA_FIRST_SALE_ID: u64 = 700_001;

const TAG_INFOTRAVEL: u64 = 0x1f0;
const TAG_WOOBA: u64 = 0x3b0;
/// Sales happen between 07:00 and 23:00, agency time.
const OPENING_SECS: u64 = 7 * 3600;
const SELLING_SECS_PER_DAY: u64 = 16 * 3600;

/// What the data set is made of. Both suppliers have `bookings` sales spread over the sale dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataSpec {
    pub seed: u64,
    pub bookings: usize,
    /// First sale date (agency time), inclusive.
    pub sale_start: NaiveDate,
    /// Last sale date (agency time), inclusive.
    pub sale_end: NaiveDate,
    /// The agency's offset from UTC: −180 for Brazil (no daylight saving since 2019).
    pub utc_offset_minutes: i32,
    /// Infotravel's `Código da Agência`: written into every booking's `company.agency`, and the
    /// `agency` that `POST /authenticate` must receive.
    pub agency: String,
}

impl Default for DataSpec {
    /// Fixed dates, not "the last 90 days": the same seed must give the same data on any day.
    fn default() -> Self {
        DataSpec {
            seed: 42,
            bookings: 500,
            sale_start: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
            sale_end: NaiveDate::from_ymd_opt(2026, 12, 31).expect("valid date"),
            utc_offset_minutes: -180,
            agency: "4521".into(),
        }
    }
}

impl DataSpec {
    pub fn offset(&self) -> FixedOffset {
        FixedOffset::east_opt(self.utc_offset_minutes * 60).expect("offset within ±24 h")
    }

    /// Checks what the generator relies on.
    pub fn validate(&self) -> Result<(), String> {
        if self.bookings > MAX_BOOKINGS {
            return Err(format!("bookings must be at most {MAX_BOOKINGS}"));
        }
        if self.sale_end < self.sale_start {
            return Err("sale_end is before sale_start".into());
        }
        if self.utc_offset_minutes.abs() >= 24 * 60 {
            return Err("utc_offset_minutes must be within ±24 h".into());
        }
        Ok(())
    }

    fn days(&self) -> u64 {
        (self.sale_end - self.sale_start).num_days().max(0) as u64 + 1
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A well-mixed 64-bit value from (seed, tag, i).
pub(crate) fn mix(seed: u64, tag: u64, i: u64) -> u64 {
    splitmix(seed ^ splitmix(tag ^ splitmix(i)))
}

/// What the generator did on this thread, for the tests: how many bookings (or sales) it generated and
/// how many sale times it computed. A page request must cost O(page size) whatever the data set's size;
/// these counts catch one that scans or regenerates the data set, without timing anything.
#[cfg(test)]
pub(crate) mod work {
    use std::cell::Cell;

    thread_local! {
        static GENERATED: Cell<usize> = const { Cell::new(0) };
        static SALE_TIMES: Cell<usize> = const { Cell::new(0) };
    }

    pub(crate) fn generated() {
        GENERATED.with(|c| c.set(c.get() + 1));
    }

    pub(crate) fn sale_time() {
        SALE_TIMES.with(|c| c.set(c.get() + 1));
    }

    /// (bookings or sales generated, sale times computed) by `f` on this thread.
    pub(crate) fn of<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
        let before = (GENERATED.with(Cell::get), SALE_TIMES.with(Cell::get));
        let out = f();
        (
            out,
            GENERATED.with(Cell::get) - before.0,
            SALE_TIMES.with(Cell::get) - before.1,
        )
    }
}

fn rng_for(spec: &DataSpec, tag: u64, i: usize) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(mix(spec.seed, tag, i as u64))
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

fn weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (item, w) in items {
        if roll < *w {
            return item;
        }
        roll -= w;
    }
    &items[items.len() - 1].0
}

// ---------------------------------------------------------------------------------------------
// Sale times: increasing with i, so that date ranges are index ranges
// ---------------------------------------------------------------------------------------------

/// Selling seconds since the first opening of booking `i`. Slot `i` is `[i·T/n, (i+1)·T/n)`; the
/// jitter stays inside the slot, so the result never decreases with `i`.
fn selling_second(spec: &DataSpec, tag: u64, i: usize) -> u64 {
    #[cfg(test)]
    work::sale_time();
    let total = u128::from(spec.days() * SELLING_SECS_PER_DAY);
    let n = spec.bookings.max(1) as u128;
    let base = (i as u128 * total / n) as u64;
    let slot = (total / n) as u64;
    let jitter = if slot > 1 {
        mix(spec.seed, tag ^ 0x7157, i as u64) % slot
    } else {
        0
    };
    base + jitter
}

fn sale_time(spec: &DataSpec, tag: u64, i: usize) -> DateTime<FixedOffset> {
    let s = selling_second(spec, tag, i);
    let day = spec.sale_start + Duration::days((s / SELLING_SECS_PER_DAY) as i64);
    let secs = OPENING_SECS + s % SELLING_SECS_PER_DAY;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(secs as u32, 0).expect("within the day");
    spec.offset()
        .from_local_datetime(&day.and_time(time))
        .single()
        .expect("fixed offsets are unambiguous")
}

fn sale_day(spec: &DataSpec, tag: u64, i: usize) -> NaiveDate {
    spec.sale_start + Duration::days((selling_second(spec, tag, i) / SELLING_SECS_PER_DAY) as i64)
}

/// First index whose sale day is not before `day`.
fn first_index_on_or_after(spec: &DataSpec, tag: u64, day: NaiveDate) -> usize {
    let (mut lo, mut hi) = (0usize, spec.bookings);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if sale_day(spec, tag, mid) < day {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

fn range_for_days(spec: &DataSpec, tag: u64, start: NaiveDate, end: NaiveDate) -> Range<usize> {
    if end < start {
        return 0..0;
    }
    let lo = first_index_on_or_after(spec, tag, start);
    let hi = match end.succ_opt() {
        Some(next) => first_index_on_or_after(spec, tag, next),
        None => spec.bookings,
    };
    lo..hi.max(lo)
}

/// `createdAt` of Infotravel booking `i`.
pub fn infotravel_created_at(spec: &DataSpec, i: usize) -> DateTime<FixedOffset> {
    sale_time(spec, TAG_INFOTRAVEL, i)
}

/// `SaleDate` of Wooba sale `i`.
pub fn wooba_sale_time(spec: &DataSpec, i: usize) -> DateTime<FixedOffset> {
    sale_time(spec, TAG_WOOBA, i)
}

/// Indexes of the Infotravel bookings sold from `start` to `end`, both inclusive, agency time.
pub fn infotravel_range(spec: &DataSpec, start: NaiveDate, end: NaiveDate) -> Range<usize> {
    range_for_days(spec, TAG_INFOTRAVEL, start, end)
}

/// Indexes of the Wooba sales sold from `start` to `end`, both inclusive, agency time.
pub fn wooba_range(spec: &DataSpec, start: NaiveDate, end: NaiveDate) -> Range<usize> {
    range_for_days(spec, TAG_WOOBA, start, end)
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

/// `yyyy-MM-dd'T'HH:mm:ssXXX`: like Java's `XXX`, a zero offset is written `Z`.
pub fn format_infotravel_datetime(t: DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let zone = if offset == 0 {
        "Z".to_string()
    } else {
        t.format("%:z").to_string()
    };
    format!("{}{}", t.format("%Y-%m-%dT%H:%M:%S"), zone)
}

/// `/Date(1732500000000-0300)/`: milliseconds since the epoch, then the offset.
pub fn format_wooba_date(t: DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.abs();
    format!(
        "/Date({}{}{:02}{:02})/",
        t.timestamp_millis(),
        sign,
        abs / 3600,
        (abs % 3600) / 60
    )
}

fn date_only(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn amount(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// Rounds a price to whole cents after a percentage: `cents * pct / 100`.
fn percent(cents: i64, pct: i64) -> i64 {
    (cents * pct + 50) / 100
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/// First names. Accents on purpose (João, Conceição, Niccolò); the last three are written decomposed
/// (NFD, a base letter plus a combining mark), as some systems send them.
const FIRST_NAMES: &[(&str, u32)] = &[
    ("João", 8),
    ("José", 6),
    ("Antônio", 5),
    ("Francisco", 4),
    ("Sebastião", 3),
    ("Conceição", 4),
    ("Maria", 8),
    ("Ana", 6),
    ("Luíza", 4),
    ("Márcia", 3),
    ("Lúcia", 3),
    ("Cecília", 3),
    ("Inês", 3),
    ("Thaís", 3),
    ("Flávia", 3),
    ("Vitória", 3),
    ("Otávio", 3),
    ("Cláudio", 3),
    ("Estêvão", 2),
    ("Gonçalo", 2),
    ("Simão", 2),
    ("Ângela", 3),
    ("Fátima", 3),
    ("Joaquim", 3),
    ("Mônica", 3),
    ("Rogério", 3),
    ("Débora", 3),
    ("Niccolò", 3),
    ("Lucrezia", 2),
    ("Gioacchino", 2),
    ("Ludovica", 2),
    ("Raffaele", 2),
    ("Beatrice", 2),
    ("Mattia", 2),
    ("Joa\u{303}o", 1),
    ("Conceic\u{327}a\u{303}o", 1),
    ("Nicolo\u{300}", 1),
];

const LAST_NAMES: &[&str] = &[
    "Silva",
    "Santos",
    "Oliveira",
    "Araújo",
    "Gonçalves",
    "Magalhães",
    "da Conceição",
    "Assunção",
    "Simões",
    "Lourenço",
    "Brandão",
    "Guimarães",
    "D'Ávila",
    "Sant'Anna",
    "Falcão",
    "Leão",
    "Müller",
    "Nóbrega",
    "Gusmão",
    "Peçanha",
    "dell'Orto",
    "D'Alessandro",
    "Fioravanti",
    "Lucà",
    "Di Nardo",
    "Mazzà",
    "De Santis",
    "Bellù",
];

/// A passenger: `type` is `ADT`, `CHD`, `INF` or `SNR` (Infotravel's name types).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Name {
    pub first_name: String,
    pub last_name: String,
    #[serde(rename = "type")]
    pub kind: String,
}

impl Name {
    pub fn full(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

fn person(rng: &mut ChaCha8Rng, kind: &str) -> Name {
    Name {
        first_name: weighted(rng, FIRST_NAMES).to_string(),
        last_name: pick(rng, LAST_NAMES).to_string(),
        kind: kind.to_string(),
    }
}

fn passengers(rng: &mut ChaCha8Rng) -> Vec<Name> {
    let count = *weighted(rng, &[(1usize, 30), (2, 40), (3, 15), (4, 15)]);
    let lead = if rng.gen_bool(0.12) { "SNR" } else { "ADT" };
    let mut out = vec![person(rng, lead)];
    for _ in 1..count {
        let kind = *weighted(rng, &[("ADT", 60), ("CHD", 22), ("INF", 8), ("SNR", 10)]);
        let mut p = person(rng, kind);
        // Families share a surname most of the time.
        if rng.gen_bool(0.7) {
            p.last_name = out[0].last_name.clone();
        }
        out.push(p);
    }
    out
}

/// ASCII e-mail local part: accents folded, combining marks and apostrophes dropped.
fn ascii_fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let folded = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'Ê' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ô' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' => 'u',
            'ç' | 'Ç' => 'c',
            ' ' => '.',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => continue,
        };
        out.push(folded);
    }
    out
}

fn email(name: &Name, rng: &mut ChaCha8Rng) -> String {
    let domain = pick(rng, &["example.com.br", "example.com", "example.it", "example.pt"]);
    format!(
        "{}.{}@{}",
        ascii_fold(&name.first_name),
        ascii_fold(&name.last_name),
        domain
    )
}

fn telephone(rng: &mut ChaCha8Rng) -> String {
    let ddd = pick(rng, &[11, 21, 31, 41, 51, 61, 71, 81, 85, 48]);
    format!(
        "+55 {ddd} 9{:04}-{:04}",
        rng.gen_range(1000..10000),
        rng.gen_range(0..10000)
    )
}

/// A CPF with valid check digits, formatted `123.456.789-09`.
fn cpf(rng: &mut ChaCha8Rng) -> String {
    let mut d: Vec<u32> = (0..9).map(|_| rng.gen_range(0..10)).collect();
    for len in [9usize, 10] {
        let sum: u32 = d.iter().enumerate().map(|(k, v)| v * (len as u32 + 1 - k as u32)).sum();
        let r = (sum * 10) % 11;
        d.push(if r == 10 { 0 } else { r });
    }
    let s: String = d.iter().map(|v| char::from_digit(*v, 10).expect("digit")).collect();
    format!("{}.{}.{}-{}", &s[0..3], &s[3..6], &s[6..9], &s[9..11])
}

// ---------------------------------------------------------------------------------------------
// Places and suppliers
// ---------------------------------------------------------------------------------------------

/// IATA code and the airport's UTC offset in minutes (daylight saving ignored).
const BR_AIRPORTS: &[(&str, i32)] = &[
    ("GRU", -180),
    ("GIG", -180),
    ("BSB", -180),
    ("SSA", -180),
    ("REC", -180),
    ("FOR", -180),
    ("POA", -180),
    ("MAO", -240),
];
const ABROAD_AIRPORTS: &[(&str, i32)] = &[
    ("LIS", 0),
    ("OPO", 0),
    ("FCO", 60),
    ("MXP", 60),
    ("MAD", 60),
    ("CDG", 60),
    ("MIA", -300),
    ("EZE", -180),
    ("SCL", -240),
];
const BR_AIRLINES: &[(&str, &str)] = &[
    ("LA", "LATAM Airlines"),
    ("G3", "GOL Linhas Aéreas"),
    ("AD", "Azul Linhas Aéreas"),
];
const ABROAD_AIRLINES: &[(&str, &str)] = &[
    ("TP", "TAP Air Portugal"),
    ("AZ", "ITA Airways"),
    ("IB", "Iberia"),
    ("AF", "Air France"),
    ("LA", "LATAM Airlines"),
    ("AA", "American Airlines"),
];
const HOTELS: &[&str] = &[
    "Pousada Solar da Conceição",
    "Hotel Tivoli Oriente",
    "Pestana Palace Lisboa",
    "Copacabana Palace",
    "Hotel Città dei Papi",
    "Albergo Ca' Sagredo",
    "Grand Hotel São Paulo",
    "Hotel Fasano Salvador",
    "Resort Praia do Forte",
    "Hotel Bellavista Roma",
];
const HOTEL_PROVIDERS: &[&str] = &["Omnibees", "Hotelbeds", "Expedia TAAP", "BWT Hotéis"];
const ROOM_TYPES: &[&str] = &[
    "Standard Duplo",
    "Luxo Casal",
    "Suíte Júnior",
    "Triplo Superior",
    "Quarto Família",
];
const BOARD_TYPES: &[&str] = &[
    "Café da manhã",
    "Meia pensão",
    "Pensão completa",
    "Somente hospedagem",
    "All inclusive",
];
const INSURERS: &[&str] = &[
    "Assist Card",
    "GTA Global Travel Assistance",
    "Affinity Seguro Viagem",
    "Intermac Assistance",
];
const RENTAL_COMPANIES: &[&str] = &["Localiza", "Movida", "Unidas", "Hertz", "Europcar"];
const CAR_GROUPS: &[&str] = &[
    "Grupo A (Econômico)",
    "Grupo C (Econômico com ar)",
    "Grupo F (Executivo)",
    "Grupo G (SUV)",
];
const TRANSFER_PROVIDERS: &[&str] = &[
    "Rio Receptivo Turismo",
    "Lisboa Transfers",
    "Transfer São Conrado",
    "Roma Navetta",
];
const TOUR_PROVIDERS: &[&str] = &[
    "Passeios Conceição",
    "Roma Tour Operator",
    "Foz Adventure",
    "Sintra Tours",
];
const CIRCUIT_PROVIDERS: &[&str] = &["Europamundo", "Special Tours", "Trafalgar"];
const ITINERARIES: &[&str] = &[
    "Lisboa – Fátima – Porto – Santiago de Compostela",
    "Roma – Firenze – Venezia – Milano",
    "Madrid – Sevilha – Granada – Toledo",
    "Paris – Bruxelas – Amsterdã",
];
const OTHER_PROVIDERS: &[&str] = &["BWT Operadora", "BWT Serviços", "Emissão de Vistos Ltda."];

// ---------------------------------------------------------------------------------------------
// Infotravel
// ---------------------------------------------------------------------------------------------

/// A price: `{"currency": "BRL", "amount": 1234.56}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Price {
    pub currency: String,
    pub amount: f64,
}

impl Price {
    fn brl(cents: i64) -> Price {
        Price {
            currency: "BRL".into(),
            amount: amount(cents),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locator {
    pub code: String,
    /// `INTERNAL`, `SUPPLIER`, `SUPPLIER_EXT`, `TICKET`, `SEAT` or `DOCUMENT`.
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fare {
    #[serde(rename = "type")]
    pub kind: String,
    pub price: Price,
    pub price_sale: Price,
    pub price_net: Price,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Room {
    pub check_in: String,
    pub check_out: String,
    pub room_type: String,
    pub board_type: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hotel {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub airline: String,
    pub origin: String,
    pub destination: String,
    pub number: String,
    pub departure: String,
    pub arrival: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flight {
    pub segments: Vec<Segment>,
}

/// One product item of any kind: the common fields, then the kind's own (absent ones omitted).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductItem {
    pub status: String,
    pub locators: Vec<Locator>,
    pub provider: String,
    pub names: Vec<Name>,
    pub fares: Vec<Fare>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub hotel: Option<Hotel>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rooms: Option<Vec<Room>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub flights: Option<Vec<Flight>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pick_up_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub drop_off_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rental_company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub itinerary: Option<String>,
}

impl ProductItem {
    /// Sum of the fares' `priceSale`, in cents.
    pub fn sale_cents(&self) -> i64 {
        self.fares
            .iter()
            .map(|f| (f.price_sale.amount * 100.0).round() as i64)
            .sum()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub telephone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub id: u64,
    pub name: String,
    /// The agency code (`Código da Agência`), a number in the public client's `ApiCompany`.
    pub agency: serde_json::Value,
}

/// The booking's client (`ApiClient` in the public Java client: an object, not a string).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub id: u64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// `INVOICE`, `CREDIT_CARD`, `PIX`, `BANK_SLIP`, `IN_HOTEL` or (assumed) `AGENCY_DIRECT`.
    #[serde(rename = "type")]
    pub kind: String,
    pub value: Price,
    pub payment_confirmed: bool,
}

/// The product lists of an `ApiBooking`, in the page's order, with their JSON names.
pub const INFOTRAVEL_PRODUCT_LISTS: [&str; 15] = [
    "bookingHotels",
    "bookingFlights",
    "bookingInsurances",
    "bookingTours",
    "bookingServicePackages",
    "bookingTickets",
    "bookingTransfers",
    "bookingServiceOthers",
    "bookingPackages",
    "bookingVehicles",
    "bookingExperiences",
    "bookingChips",
    "bookingCircuits",
    "bookingCruises",
    "bookingBuses",
];

/// An Infotravel `ApiBooking`. Empty product lists are omitted, like Java nulls (`NON_NULL`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InfotravelBooking {
    pub id: u64,
    pub status: String,
    pub created_at: String,
    pub contact: Contact,
    pub booking_amount: Price,
    pub company: Company,
    pub client: Client,
    pub url_voucher: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_hotels: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_flights: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_insurances: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_tours: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_service_packages: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_tickets: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_transfers: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_service_others: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_packages: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_vehicles: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_experiences: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_chips: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_circuits: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_cruises: Vec<ProductItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub booking_buses: Vec<ProductItem>,
    pub payments: Vec<Payment>,
}

/// Kinds of Infotravel product, named after their list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InfotravelKind {
    Hotel,
    Flight,
    Insurance,
    Tour,
    ServicePackage,
    Ticket,
    Transfer,
    ServiceOther,
    Package,
    Vehicle,
    Experience,
    Chip,
    Circuit,
    Cruise,
    Bus,
}

impl InfotravelKind {
    /// The JSON list this kind goes into.
    pub fn list_name(self) -> &'static str {
        INFOTRAVEL_PRODUCT_LISTS[self as usize]
    }
}

/// How often each kind appears: the kinds the user imports (docs/PROTOCOLS.md#imported-product-kinds)
/// dominate, the others are rare (and test that an importer skips what it does not know).
const KIND_WEIGHTS: &[(InfotravelKind, u32)] = &[
    (InfotravelKind::Hotel, 28),
    (InfotravelKind::Flight, 22),
    (InfotravelKind::Insurance, 10),
    (InfotravelKind::Transfer, 10),
    (InfotravelKind::Tour, 7),
    (InfotravelKind::Vehicle, 6),
    (InfotravelKind::ServiceOther, 5),
    (InfotravelKind::Circuit, 4),
    (InfotravelKind::Package, 4),
    (InfotravelKind::ServicePackage, 1),
    (InfotravelKind::Ticket, 1),
    (InfotravelKind::Experience, 1),
    (InfotravelKind::Chip, 1),
    (InfotravelKind::Cruise, 1),
    (InfotravelKind::Bus, 1),
];

/// Products per booking: mean 3.0 (100 000 bookings ≈ 300 000 products).
const PRODUCT_COUNTS: &[(usize, u32)] = &[(1, 15), (2, 25), (3, 25), (4, 20), (5, 10), (6, 5)];

impl InfotravelBooking {
    /// Every product item with its kind, in list order.
    pub fn products(&self) -> Vec<(InfotravelKind, &ProductItem)> {
        use InfotravelKind::*;
        let lists: [(InfotravelKind, &Vec<ProductItem>); 15] = [
            (Hotel, &self.booking_hotels),
            (Flight, &self.booking_flights),
            (Insurance, &self.booking_insurances),
            (Tour, &self.booking_tours),
            (ServicePackage, &self.booking_service_packages),
            (Ticket, &self.booking_tickets),
            (Transfer, &self.booking_transfers),
            (ServiceOther, &self.booking_service_others),
            (Package, &self.booking_packages),
            (Vehicle, &self.booking_vehicles),
            (Experience, &self.booking_experiences),
            (Chip, &self.booking_chips),
            (Circuit, &self.booking_circuits),
            (Cruise, &self.booking_cruises),
            (Bus, &self.booking_buses),
        ];
        lists
            .into_iter()
            .flat_map(|(k, items)| items.iter().map(move |p| (k, p)))
            .collect()
    }

    fn list_mut(&mut self, kind: InfotravelKind) -> &mut Vec<ProductItem> {
        use InfotravelKind::*;
        match kind {
            Hotel => &mut self.booking_hotels,
            Flight => &mut self.booking_flights,
            Insurance => &mut self.booking_insurances,
            Tour => &mut self.booking_tours,
            ServicePackage => &mut self.booking_service_packages,
            Ticket => &mut self.booking_tickets,
            Transfer => &mut self.booking_transfers,
            ServiceOther => &mut self.booking_service_others,
            Package => &mut self.booking_packages,
            Vehicle => &mut self.booking_vehicles,
            Experience => &mut self.booking_experiences,
            Chip => &mut self.booking_chips,
            Circuit => &mut self.booking_circuits,
            Cruise => &mut self.booking_cruises,
            Bus => &mut self.booking_buses,
        }
    }

    /// The voucher code: the last path segment of `urlVoucher`.
    pub fn voucher_code(&self) -> &str {
        self.url_voucher.rsplit('/').next().unwrap_or_default()
    }

    /// Every code a `locator=` search matches: the id, every `locators[].code`, the voucher code.
    pub fn search_codes(&self) -> Vec<String> {
        let mut out = vec![self.id.to_string(), self.voucher_code().to_string()];
        for (_, p) in self.products() {
            out.extend(p.locators.iter().map(|l| l.code.clone()));
        }
        out
    }

    /// Whether a payment was made straight to the agency (not imported:
    /// docs/PROTOCOLS.md#payments-made-to-the-agency).
    pub fn has_agency_direct_payment(&self) -> bool {
        self.payments.iter().any(|p| p.kind == "AGENCY_DIRECT")
    }
}

/// Fills the sale and net fare of a product and returns it (price = priceSale, net 80–95 %).
fn fare(rng: &mut ChaCha8Rng, kind: &str, sale_cents: i64) -> Fare {
    let net = percent(sale_cents, rng.gen_range(80..=95));
    Fare {
        kind: kind.into(),
        price: Price::brl(sale_cents),
        price_sale: Price::brl(sale_cents),
        price_net: Price::brl(net),
    }
}

fn cents(rng: &mut ChaCha8Rng, reais: Range<i64>) -> i64 {
    rng.gen_range(reais.start * 100..reais.end * 100)
}

struct Trip {
    start: NaiveDate,
    nights: i64,
}

/// Infotravel booking `i` (0-based; its id is `INFOTRAVEL_FIRST_ID + i`).
pub fn infotravel_booking(spec: &DataSpec, i: usize) -> InfotravelBooking {
    #[cfg(test)]
    work::generated();
    let mut rng = rng_for(spec, TAG_INFOTRAVEL, i);
    let created = infotravel_created_at(spec, i);
    let status = *weighted(
        &mut rng,
        &[
            ("CONFIRMED", 78),
            ("CANCELED", 8),
            ("RESERVED", 5),
            ("ON_REQUEST", 2),
            ("WAITING_LIST", 1),
            ("ORDER", 2),
            ("QUOTATION", 1),
            ("EXPIRED", 3),
        ],
    );
    let people = passengers(&mut rng);
    let contact = Contact {
        name: people[0].full(),
        email: email(&people[0], &mut rng),
        telephone: telephone(&mut rng),
    };
    let trip = Trip {
        start: created.date_naive() + Duration::days(rng.gen_range(3..200)),
        nights: rng.gen_range(2..15),
    };
    let id = INFOTRAVEL_FIRST_ID + i as u64;
    let seed = spec.seed;
    let mut booking = InfotravelBooking {
        id,
        status: status.into(),
        created_at: format_infotravel_datetime(created),
        contact,
        booking_amount: Price::brl(0),
        company: Company {
            id: 1,
            name: "BWT Operadora".into(),
            agency: agency_value(&spec.agency),
        },
        client: Client {
            id: 5_000 + (i as u64 % 97),
            name: "Agência Ponte Turismo".into(),
        },
        url_voucher: format!(
            "https://voucher.infotravel.example/{}",
            codes::IT_VOUCHER.encode(seed, i as u64)
        ),
        booking_hotels: vec![],
        booking_flights: vec![],
        booking_insurances: vec![],
        booking_tours: vec![],
        booking_service_packages: vec![],
        booking_tickets: vec![],
        booking_transfers: vec![],
        booking_service_others: vec![],
        booking_packages: vec![],
        booking_vehicles: vec![],
        booking_experiences: vec![],
        booking_chips: vec![],
        booking_circuits: vec![],
        booking_cruises: vec![],
        booking_buses: vec![],
        payments: vec![],
    };
    let count = *weighted(&mut rng, PRODUCT_COUNTS);
    let mut total = 0i64;
    let mut has_hotel = false;
    for j in 0..count {
        let kind = *weighted(&mut rng, KIND_WEIGHTS);
        let partial_cancel = count > 1 && status != "CANCELED" && rng.gen_bool(0.04);
        let item_status = if partial_cancel { "CANCELED" } else { status };
        let item = infotravel_item(&mut rng, seed, i, j, kind, item_status, id, &people, &trip);
        total += item.sale_cents();
        has_hotel |= kind == InfotravelKind::Hotel;
        booking.list_mut(kind).push(item);
    }
    booking.booking_amount = Price::brl(total);
    booking.payments = infotravel_payments(&mut rng, status, total, has_hotel);
    booking
}

/// `company.agency` is an Integer in the public client: a numeric code is sent as a number.
fn agency_value(agency: &str) -> serde_json::Value {
    match agency.parse::<u64>() {
        Ok(n) => serde_json::Value::from(n),
        Err(_) => serde_json::Value::from(agency),
    }
}

#[allow(clippy::too_many_arguments)]
fn infotravel_item(
    rng: &mut ChaCha8Rng,
    seed: u64,
    i: usize,
    j: usize,
    kind: InfotravelKind,
    status: &str,
    id: u64,
    people: &[Name],
    trip: &Trip,
) -> ProductItem {
    use InfotravelKind as K;
    let n = (i * 8 + j) as u64;
    let mut locators = vec![Locator {
        code: format!("{id}-{}", j + 1),
        kind: "INTERNAL".into(),
    }];
    let pax = people.len() as i64;
    let day = trip.start + Duration::days(rng.gen_range(0..trip.nights.max(1)));
    let mut item = ProductItem {
        status: status.into(),
        locators: vec![],
        provider: String::new(),
        names: people.to_vec(),
        fares: vec![],
        hotel: None,
        rooms: None,
        flights: None,
        pick_up_date: None,
        drop_off_date: None,
        rental_company: None,
        start_date: None,
        end_date: None,
        date: None,
        itinerary: None,
    };
    match kind {
        K::Hotel => {
            locators.push(Locator {
                code: codes::IT_HOTEL.encode(seed, n),
                kind: "SUPPLIER".into(),
            });
            item.provider = pick(rng, HOTEL_PROVIDERS).to_string();
            item.hotel = Some(Hotel {
                name: pick(rng, HOTELS).to_string(),
            });
            let rooms = if pax > 2 && rng.gen_bool(0.5) { 2 } else { 1 };
            let nights = rng.gen_range(1..=trip.nights.min(10));
            let check_in = trip.start;
            let board = pick(rng, BOARD_TYPES).to_string();
            item.rooms = Some(
                (0..rooms)
                    .map(|_| Room {
                        check_in: date_only(check_in),
                        check_out: date_only(check_in + Duration::days(nights)),
                        room_type: pick(rng, ROOM_TYPES).to_string(),
                        board_type: board.clone(),
                    })
                    .collect(),
            );
            let nightly = cents(rng, 250..1500);
            item.fares.push(fare(rng, "FARE", nightly * nights * rooms));
        }
        K::Flight => {
            let abroad = rng.gen_bool(0.4);
            let origin = *pick(rng, BR_AIRPORTS);
            let (dest, airline) = if abroad {
                (*pick(rng, ABROAD_AIRPORTS), *pick(rng, ABROAD_AIRLINES))
            } else {
                let mut d = *pick(rng, BR_AIRPORTS);
                if d.0 == origin.0 {
                    d = if origin.0 == "GRU" {
                        ("GIG", -180)
                    } else {
                        ("GRU", -180)
                    };
                }
                (d, *pick(rng, BR_AIRLINES))
            };
            locators.push(Locator {
                code: codes::IT_PNR.encode(seed, n),
                kind: "SUPPLIER".into(),
            });
            for p in 0..people.len() {
                let ticket = codes::IT_TICKET.encode(seed, n * 8 + p as u64);
                locators.push(Locator {
                    code: ticket,
                    kind: "TICKET".into(),
                });
            }
            item.provider = airline.1.to_string();
            let hours = if abroad {
                rng.gen_range(8..13)
            } else {
                rng.gen_range(1..4)
            };
            let mut flights = vec![Flight {
                segments: vec![segment(rng, airline.0, origin, dest, trip.start, hours)],
            }];
            if rng.gen_bool(0.7) {
                let back = trip.start + Duration::days(trip.nights);
                flights.push(Flight {
                    segments: vec![segment(rng, airline.0, dest, origin, back, hours)],
                });
            }
            let legs = flights.len() as i64;
            item.flights = Some(flights);
            let per_pax = if abroad {
                cents(rng, 2500..6000)
            } else {
                cents(rng, 400..1500)
            };
            item.fares.push(fare(rng, "FARE", per_pax * pax * legs));
            let tax = cents(rng, 40..250) * pax * legs;
            item.fares.push(Fare {
                kind: "BOARDING_RATE".into(),
                price: Price::brl(tax),
                price_sale: Price::brl(tax),
                price_net: Price::brl(tax),
            });
        }
        K::Insurance => {
            locators.push(Locator {
                code: codes::IT_SUPPLIER.encode(seed, n),
                kind: "SUPPLIER".into(),
            });
            locators.push(Locator {
                code: codes::IT_POLICY.encode(seed, n),
                kind: "DOCUMENT".into(),
            });
            item.provider = pick(rng, INSURERS).to_string();
            item.start_date = Some(date_only(trip.start));
            item.end_date = Some(date_only(trip.start + Duration::days(trip.nights)));
            let daily = cents(rng, 15..60);
            item.fares.push(fare(rng, "FARE", daily * (trip.nights + 1) * pax));
        }
        K::Vehicle => {
            locators.push(Locator {
                code: codes::IT_SUPPLIER.encode(seed, n),
                kind: "SUPPLIER".into(),
            });
            if rng.gen_bool(0.5) {
                locators.push(Locator {
                    code: codes::IT_EXT.encode(seed, n),
                    kind: "SUPPLIER_EXT".into(),
                });
            }
            let company = pick(rng, RENTAL_COMPANIES).to_string();
            item.provider = pick(rng, &["Rentcars", "BWT Carros"]).to_string();
            let days = rng.gen_range(1..=trip.nights.max(1));
            item.pick_up_date = Some(date_only(trip.start));
            item.drop_off_date = Some(date_only(trip.start + Duration::days(days)));
            item.rental_company = Some(company);
            let daily = cents(rng, 120..450);
            item.fares.push(fare(rng, "FARE", daily * days));
        }
        K::Circuit => {
            locators.push(Locator {
                code: codes::IT_SUPPLIER.encode(seed, n),
                kind: "SUPPLIER".into(),
            });
            item.provider = pick(rng, CIRCUIT_PROVIDERS).to_string();
            item.date = Some(date_only(trip.start));
            item.end_date = Some(date_only(trip.start + Duration::days(trip.nights)));
            item.itinerary = Some(pick(rng, ITINERARIES).to_string());
            let per_pax = cents(rng, 4000..15000);
            item.fares.push(fare(rng, "FARE", per_pax * pax));
        }
        K::Transfer
        | K::Tour
        | K::ServiceOther
        | K::Package
        | K::ServicePackage
        | K::Ticket
        | K::Experience
        | K::Chip
        | K::Cruise
        | K::Bus => {
            locators.push(Locator {
                code: codes::IT_SUPPLIER.encode(seed, n),
                kind: "SUPPLIER".into(),
            });
            if rng.gen_bool(0.2) {
                locators.push(Locator {
                    code: codes::IT_EXT.encode(seed, n),
                    kind: "SUPPLIER_EXT".into(),
                });
            }
            let (providers, range): (&[&str], Range<i64>) = match kind {
                K::Transfer => (TRANSFER_PROVIDERS, 80..400),
                K::Tour => (TOUR_PROVIDERS, 100..900),
                K::Package | K::ServicePackage => (&["BWT Operadora", "BWT Pacotes"], 3000..20000),
                K::Cruise => (&["MSC Cruzeiros", "Costa Cruzeiros"], 3000..12000),
                _ => (OTHER_PROVIDERS, 50..800),
            };
            item.provider = pick(rng, providers).to_string();
            item.date = Some(date_only(if kind == K::Transfer && rng.gen_bool(0.5) {
                trip.start
            } else {
                day
            }));
            let price = cents(rng, range);
            let per_pax = matches!(
                kind,
                K::Tour | K::Package | K::ServicePackage | K::Cruise | K::Experience | K::Ticket
            );
            item.fares
                .push(fare(rng, "FARE", if per_pax { price * pax } else { price }));
        }
    }
    item.locators = locators;
    item
}

fn segment(
    rng: &mut ChaCha8Rng,
    airline: &str,
    from: (&str, i32),
    to: (&str, i32),
    day: NaiveDate,
    hours: i64,
) -> Segment {
    let from_tz = FixedOffset::east_opt(from.1 * 60).expect("offset");
    let to_tz = FixedOffset::east_opt(to.1 * 60).expect("offset");
    let time = NaiveTime::from_hms_opt(rng.gen_range(6..23), *pick(rng, &[0, 15, 30, 45]), 0).expect("time");
    let departure = from_tz
        .from_local_datetime(&day.and_time(time))
        .single()
        .expect("fixed offset");
    let arrival = (departure + Duration::minutes(hours * 60 + rng.gen_range(0..60))).with_timezone(&to_tz);
    Segment {
        airline: airline.into(),
        origin: from.0.into(),
        destination: to.0.into(),
        number: rng.gen_range(100..9999).to_string(),
        departure: format_infotravel_datetime(departure),
        arrival: format_infotravel_datetime(arrival),
    }
}

fn infotravel_payments(rng: &mut ChaCha8Rng, status: &str, total: i64, has_hotel: bool) -> Vec<Payment> {
    let confirmed_status = status == "CONFIRMED";
    let roll: f64 = rng.gen();
    let pay = |kind: &str, cents: i64, confirmed: bool| Payment {
        kind: kind.into(),
        value: Price::brl(cents),
        payment_confirmed: confirmed,
    };
    if roll < 0.06 {
        // The client paid the agency directly: not imported (docs/PROTOCOLS.md#payments-made-to-the-agency).
        return vec![pay("AGENCY_DIRECT", total, confirmed_status)];
    }
    if roll < 0.10 {
        let card = percent(total, rng.gen_range(30..=70));
        return vec![
            pay("CREDIT_CARD", card, confirmed_status),
            pay("AGENCY_DIRECT", total - card, confirmed_status),
        ];
    }
    let mut kind = *weighted(
        rng,
        &[
            ("CREDIT_CARD", 40),
            ("INVOICE", 25),
            ("PIX", 20),
            ("BANK_SLIP", 10),
            ("IN_HOTEL", 5),
        ],
    );
    if kind == "IN_HOTEL" && !has_hotel {
        kind = "CREDIT_CARD";
    }
    let confirmed = confirmed_status && !(kind == "BANK_SLIP" && rng.gen_bool(0.3)) && kind != "IN_HOTEL";
    if rng.gen_bool(0.1) && total > 200 {
        let first = percent(total, rng.gen_range(20..=80));
        return vec![pay(kind, first, confirmed), pay("PIX", total - first, confirmed_status)];
    }
    vec![pay(kind, total, confirmed)]
}

/// Index of the Infotravel booking with this id.
pub fn infotravel_index_of_id(spec: &DataSpec, id: u64) -> Option<usize> {
    let i = id.checked_sub(INFOTRAVEL_FIRST_ID)? as usize;
    (i < spec.bookings).then_some(i)
}

fn candidates_from(spec: &DataSpec, code: &str, codecs: &[(&Codec, u64)], out: &mut Vec<usize>) {
    for (codec, divisor) in codecs {
        if let Some(n) = codec.decode(spec.seed, code) {
            let i = (n / divisor) as usize;
            if i < spec.bookings && !out.contains(&i) {
                out.push(i);
            }
        }
    }
}

/// Indexes of the Infotravel bookings whose id, any `locators[].code` or voucher code equals `code`
/// exactly (case-sensitive), in index order.
pub fn infotravel_find(spec: &DataSpec, code: &str) -> Vec<usize> {
    let mut candidates = Vec::new();
    // The id and INTERNAL locators ("100042-3") name the booking directly.
    let id_part = code.split_once('-').map_or(code, |(id, _)| id);
    if let Ok(id) = id_part.parse::<u64>() {
        if let Some(i) = infotravel_index_of_id(spec, id) {
            candidates.push(i);
        }
    }
    candidates_from(
        spec,
        code,
        &[
            (&codes::IT_VOUCHER, 1),
            (&codes::IT_HOTEL, 8),
            (&codes::IT_PNR, 8),
            (&codes::IT_TICKET, 64),
            (&codes::IT_SUPPLIER, 8),
            (&codes::IT_EXT, 8),
            (&codes::IT_POLICY, 8),
        ],
        &mut candidates,
    );
    candidates.sort_unstable();
    // Decoding only proposes; the regenerated booking decides, with an exact comparison.
    candidates.retain(|&i| infotravel_booking(spec, i).search_codes().iter().any(|c| c == code));
    candidates
}

// ---------------------------------------------------------------------------------------------
// Wooba
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WoobaCustomer {
    pub name: String,
    /// CPF, formatted `123.456.789-09`.
    pub document: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WoobaPassenger {
    pub name: String,
    /// `ADT`, `CHD` or `INF`.
    #[serde(rename = "Type")]
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WoobaProduct {
    /// `Aereo`, `Hotel`, `Carro` or `Seguro`.
    #[serde(rename = "Type")]
    pub kind: String,
    pub locator: String,
    pub supplier: String,
    pub passengers: Vec<WoobaPassenger>,
    pub amount: f64,
    pub currency: String,
    pub start_date: String,
    pub end_date: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WoobaPayment {
    /// `CartaoCredito`, `Faturado`, `Pix` or `DiretoAgencia`.
    #[serde(rename = "Type")]
    pub kind: String,
    pub amount: f64,
    pub currency: String,
}

/// A Wooba Sale (assumed shape: docs/PROTOCOLS.md#assumed-for-wooba).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WoobaSale {
    pub sale_id: u64,
    pub locator: String,
    pub sale_date: String,
    /// `Emitido`, `Reservado` or `Cancelado`.
    pub status: String,
    pub customer: WoobaCustomer,
    pub products: Vec<WoobaProduct>,
    pub payments: Vec<WoobaPayment>,
}

impl WoobaSale {
    /// Whether a payment was made straight to the agency (`DiretoAgencia`: not imported).
    pub fn has_agency_direct_payment(&self) -> bool {
        self.payments.iter().any(|p| p.kind == "DiretoAgencia")
    }

    /// Every code a `Locator` filter matches: the sale's and its products' locators.
    pub fn search_codes(&self) -> Vec<&str> {
        std::iter::once(self.locator.as_str())
            .chain(self.products.iter().map(|p| p.locator.as_str()))
            .collect()
    }
}

/// Wooba sale `i` (0-based; its `SaleId` is `WOOBA_FIRST_SALE_ID + i`).
pub fn wooba_sale(spec: &DataSpec, i: usize) -> WoobaSale {
    #[cfg(test)]
    work::generated();
    let mut rng = rng_for(spec, TAG_WOOBA, i);
    let seed = spec.seed;
    let sold = wooba_sale_time(spec, i);
    let tz = spec.offset();
    let status = *weighted(&mut rng, &[("Emitido", 80), ("Reservado", 12), ("Cancelado", 8)]);
    let people: Vec<Name> = passengers(&mut rng)
        .into_iter()
        .map(|mut p| {
            // Wooba's passenger types: seniors travel as adults.
            if p.kind == "SNR" {
                p.kind = "ADT".into();
            }
            p
        })
        .collect();
    let customer = WoobaCustomer {
        name: people[0].full(),
        document: cpf(&mut rng),
    };
    let start = sold.date_naive() + Duration::days(rng.gen_range(3..200));
    let nights = rng.gen_range(2..15i64);
    let midnight = |d: NaiveDate| {
        tz.from_local_datetime(&d.and_time(NaiveTime::MIN))
            .single()
            .expect("fixed offset")
    };
    let count = *weighted(&mut rng, &[(1usize, 20), (2, 30), (3, 25), (4, 25)]);
    let pax: Vec<WoobaPassenger> = people
        .iter()
        .map(|p| WoobaPassenger {
            name: p.full(),
            kind: p.kind.clone(),
        })
        .collect();
    let mut products = Vec::with_capacity(count);
    let mut total = 0i64;
    for j in 0..count {
        let n = (i * 8 + j) as u64;
        let kind = *weighted(&mut rng, &[("Aereo", 40), ("Hotel", 35), ("Carro", 12), ("Seguro", 13)]);
        let (locator, supplier, cents_total, start_t, end_t, description) = match kind {
            "Aereo" => {
                let airline = *pick(&mut rng, ABROAD_AIRLINES);
                let from = pick(&mut rng, BR_AIRPORTS).0;
                let to = pick(&mut rng, ABROAD_AIRPORTS).0;
                let dep_time = NaiveTime::from_hms_opt(rng.gen_range(6..23), 0, 0).expect("time");
                let dep = tz
                    .from_local_datetime(&start.and_time(dep_time))
                    .single()
                    .expect("fixed offset");
                let back = dep + Duration::days(nights);
                let price = cents(&mut rng, 2500..6000) * people.len() as i64;
                let number = rng.gen_range(10..999);
                let description = format!("{from} → {to} → {from} ({} {number})", airline.0);
                (
                    codes::W_AIR.encode(seed, n),
                    airline.1.to_string(),
                    price,
                    dep,
                    back,
                    description,
                )
            }
            "Hotel" => {
                let hotel = *pick(&mut rng, HOTELS);
                let room = *pick(&mut rng, ROOM_TYPES);
                let price = cents(&mut rng, 250..1500) * nights;
                let description = format!("{hotel} – {nights} diárias, {room}");
                let supplier = pick(&mut rng, HOTEL_PROVIDERS).to_string();
                (
                    codes::W_HOTEL.encode(seed, n),
                    supplier,
                    price,
                    midnight(start),
                    midnight(start + Duration::days(nights)),
                    description,
                )
            }
            "Carro" => {
                let company = *pick(&mut rng, RENTAL_COMPANIES);
                let group = *pick(&mut rng, CAR_GROUPS);
                let days = rng.gen_range(1..=nights);
                let price = cents(&mut rng, 120..450) * days;
                let pick_up = tz
                    .from_local_datetime(&start.and_hms_opt(10, 0, 0).expect("time"))
                    .single()
                    .expect("fixed");
                let description = format!("{company} – {group}, {days} diárias");
                (
                    codes::W_CAR.encode(seed, n),
                    company.to_string(),
                    price,
                    pick_up,
                    pick_up + Duration::days(days),
                    description,
                )
            }
            _ => {
                let insurer = *pick(&mut rng, INSURERS);
                let cover = *pick(&mut rng, &["Europa 60 mil", "Mundo 150 mil", "América do Sul 30 mil"]);
                let price = cents(&mut rng, 15..60) * (nights + 1) * people.len() as i64;
                let description = format!("{insurer} – {cover}");
                let end = midnight(start + Duration::days(nights));
                (
                    codes::W_INSURANCE.encode(seed, n),
                    insurer.to_string(),
                    price,
                    midnight(start),
                    end,
                    description,
                )
            }
        };
        total += cents_total;
        products.push(WoobaProduct {
            kind: kind.into(),
            locator,
            supplier,
            passengers: pax.clone(),
            amount: amount(cents_total),
            currency: "BRL".into(),
            start_date: format_wooba_date(start_t),
            end_date: format_wooba_date(end_t),
            description,
        });
    }
    let pay = |kind: &str, cents: i64| WoobaPayment {
        kind: kind.into(),
        amount: amount(cents),
        currency: "BRL".into(),
    };
    let roll: f64 = rng.gen();
    let payments = if roll < 0.06 {
        vec![pay("DiretoAgencia", total)]
    } else if roll < 0.10 {
        let card = percent(total, rng.gen_range(30..=70));
        vec![pay("CartaoCredito", card), pay("DiretoAgencia", total - card)]
    } else {
        let kind = *weighted(&mut rng, &[("CartaoCredito", 50), ("Faturado", 30), ("Pix", 20)]);
        vec![pay(kind, total)]
    };
    WoobaSale {
        sale_id: WOOBA_FIRST_SALE_ID + i as u64,
        locator: codes::W_SALE.encode(seed, i as u64),
        sale_date: format_wooba_date(sold),
        status: status.into(),
        customer,
        products,
        payments,
    }
}

/// Index of the Wooba sale with this `SaleId`.
pub fn wooba_index_of_sale_id(spec: &DataSpec, sale_id: u64) -> Option<usize> {
    let i = sale_id.checked_sub(WOOBA_FIRST_SALE_ID)? as usize;
    (i < spec.bookings).then_some(i)
}

/// Indexes of the Wooba sales whose `Locator` or any product `Locator` equals `code` exactly.
pub fn wooba_find(spec: &DataSpec, code: &str) -> Vec<usize> {
    let mut candidates = Vec::new();
    candidates_from(
        spec,
        code,
        &[
            (&codes::W_SALE, 1),
            (&codes::W_AIR, 8),
            (&codes::W_HOTEL, 8),
            (&codes::W_CAR, 8),
            (&codes::W_INSURANCE, 8),
        ],
        &mut candidates,
    );
    candidates.sort_unstable();
    candidates.retain(|&i| wooba_sale(spec, i).search_codes().contains(&code));
    candidates
}

// ---------------------------------------------------------------------------------------------
// PayTourist
// ---------------------------------------------------------------------------------------------

/// `{"id": 1, "name": "…"}`: a structure or a reduction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: u64,
    pub name: String,
}

const REDUCTIONS: &[&str] = &[
    "Minori di 14 anni",
    "Over 70",
    "Autisti di pullman turistici",
    "Accompagnatori di gruppi (1 ogni 25)",
    "Degenti e accompagnatori presso strutture sanitarie",
    "Residenti nel Comune",
    "Forze dell'ordine in servizio",
    "Studenti universitari fuori sede",
];

/// The reductions (tourist-tax exemptions) of a structure: the whole list but one, which one
/// depending on the structure, so that two structures differ.
pub fn paytourist_reductions(structure_id: u64) -> Vec<Named> {
    let skip = (structure_id % REDUCTIONS.len() as u64) as usize;
    REDUCTIONS
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != skip)
        .map(|(k, name)| Named {
            id: k as u64 + 1,
            name: (*name).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn spec(bookings: usize) -> DataSpec {
        DataSpec {
            bookings,
            ..DataSpec::default()
        }
    }

    #[test]
    fn sale_times_never_decrease_and_stay_in_range() {
        for n in [1usize, 7, 500, 20_000] {
            let s = spec(n);
            let mut last = None;
            for i in (0..n).step_by((n / 500).max(1)) {
                let t = infotravel_created_at(&s, i);
                assert!(t.date_naive() >= s.sale_start && t.date_naive() <= s.sale_end);
                assert!((7..23).contains(&t.hour()), "{t}");
                if let Some(prev) = last {
                    assert!(t >= prev);
                }
                last = Some(t);
            }
        }
    }

    #[test]
    fn date_range_matches_a_scan() {
        let s = spec(800);
        let start = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let end = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
        let scanned: Vec<usize> = (0..s.bookings)
            .filter(|&i| {
                let d = infotravel_created_at(&s, i).date_naive();
                d >= start && d <= end
            })
            .collect();
        let r = infotravel_range(&s, start, end);
        assert_eq!(r.clone().collect::<Vec<_>>(), scanned);
        assert!(!r.is_empty());
        assert_eq!(infotravel_range(&s, end, start), 0..0);
    }

    #[test]
    fn amounts_add_up() {
        let s = spec(300);
        for i in 0..300 {
            let b = infotravel_booking(&s, i);
            let products: i64 = b.products().iter().map(|(_, p)| p.sale_cents()).sum();
            let paid: i64 = b.payments.iter().map(|p| (p.value.amount * 100.0).round() as i64).sum();
            assert_eq!((b.booking_amount.amount * 100.0).round() as i64, products);
            assert_eq!(products, paid, "booking {}", b.id);
            let w = wooba_sale(&s, i);
            let products: f64 = w.products.iter().map(|p| p.amount).sum();
            let paid: f64 = w.payments.iter().map(|p| p.amount).sum();
            assert!((products - paid).abs() < 0.005);
        }
    }

    #[test]
    fn every_code_finds_its_booking() {
        let s = spec(200);
        for i in (0..200).step_by(7) {
            for code in infotravel_booking(&s, i).search_codes() {
                assert!(infotravel_find(&s, &code).contains(&i), "{code}");
            }
            let sale = wooba_sale(&s, i);
            for code in sale.search_codes() {
                assert!(wooba_find(&s, code).contains(&i), "{code}");
            }
        }
    }

    #[test]
    fn cpf_check_digits_are_valid() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..50 {
            let c = cpf(&mut rng);
            let d: Vec<u32> = c.chars().filter_map(|ch| ch.to_digit(10)).collect();
            let check = |len: usize| {
                let sum: u32 = d[..len]
                    .iter()
                    .enumerate()
                    .map(|(k, v)| v * (len as u32 + 1 - k as u32))
                    .sum();
                let r = (sum * 10) % 11;
                if r == 10 {
                    0
                } else {
                    r
                }
            };
            assert_eq!(d[9], check(9));
            assert_eq!(d[10], check(10));
        }
    }

    #[test]
    fn formats() {
        let tz = FixedOffset::west_opt(3 * 3600).unwrap();
        let t = tz.with_ymd_and_hms(2026, 11, 3, 14, 5, 0).unwrap();
        assert_eq!(format_infotravel_datetime(t), "2026-11-03T14:05:00-03:00");
        assert_eq!(
            format_infotravel_datetime(t.with_timezone(&FixedOffset::east_opt(0).unwrap())),
            "2026-11-03T17:05:00Z"
        );
        assert_eq!(format_wooba_date(t), format!("/Date({}-0300)/", t.timestamp_millis()));
    }
}
