//! `--generate N`: a directory of N made-up but realistic users, the same for the same seed,
//! so benchmarks and tests can stand in for a large customer directory.
//!
//! Each user looks like what Entra ID or Okta provisions: a UPN-style userName on the
//! tenant's domain, a name and displayName, a work email (primary) and for some a home one,
//! an Okta-style externalId, and a few deactivated. Values are unique under the provider's
//! rules: a value the store refuses (a seeded account may hold it) gets the next number.

use serde_json::{Value, json};

use super::store::{Refusal, Store};
use crate::scim::model::{Email, USER_SCHEMA, User};

/// How many users, and the seed that decides who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generate {
    pub users: u64,
    pub seed: u64,
}

const GIVEN: &[&str] = &[
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Lisa",
    "Matthew",
    "Nancy",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Donald",
    "Margaret",
    "Steven",
    "Ashley",
    "Andrew",
    "Kimberly",
    "Paul",
    "Emily",
    "Joshua",
    "Donna",
    "Kenneth",
    "Michelle",
    "Kevin",
    "Carol",
    "Brian",
    "Amanda",
    "Timothy",
    "Melissa",
    "Ronald",
    "Deborah",
    "George",
    "Stephanie",
    "Jason",
    "Rebecca",
    "Edward",
    "Sharon",
    "Jeffrey",
    "Laura",
    "Ryan",
    "Cynthia",
    "Jacob",
    "Amy",
    "Nicholas",
    "Kathleen",
    "Gary",
    "Angela",
    "Eric",
    "Shirley",
    "Jonathan",
    "Brenda",
    "Stephen",
    "Emma",
    "Larry",
    "Anna",
    "Justin",
    "Pamela",
    "Scott",
    "Nicole",
    "Brandon",
    "Samantha",
    "Benjamin",
    "Katherine",
    "Samuel",
    "Christine",
    "Gregory",
    "Helen",
    "Alexander",
    "Debra",
    "Patrick",
    "Rachel",
    "Frank",
    "Carolyn",
    "Raymond",
    "Janet",
    "Jack",
    "Maria",
    "Dennis",
    "Catherine",
    "Jerry",
    "Heather",
    "Tyler",
    "Diane",
    "Aaron",
    "Olivia",
    "Wei",
    "Priya",
    "Hiroshi",
    "Aisha",
    "Mateo",
    "Ingrid",
    "Oluwaseun",
    "Sofia",
    "Arjun",
    "Yuki",
    "Fatima",
    "Lars",
    "Chen",
    "Amara",
    "Diego",
    "Mei",
    "Kwame",
    "Leila",
    "Ivan",
    "Noor",
];

const FAMILY: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Gomez",
    "Phillips",
    "Evans",
    "Turner",
    "Diaz",
    "Parker",
    "Cruz",
    "Edwards",
    "Collins",
    "Reyes",
    "Stewart",
    "Morris",
    "Morales",
    "Murphy",
    "Cook",
    "Rogers",
    "Gutierrez",
    "Ortiz",
    "Morgan",
    "Cooper",
    "Peterson",
    "Bailey",
    "Reed",
    "Kelly",
    "Howard",
    "Ramos",
    "Kim",
    "Cox",
    "Ward",
    "Richardson",
    "Watson",
    "Brooks",
    "Chavez",
    "Wood",
    "James",
    "Bennett",
    "Gray",
    "Mendoza",
    "Ruiz",
    "Hughes",
    "Price",
    "Alvarez",
    "Castillo",
    "Sanders",
    "Patel",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Jimenez",
    "O'Brien",
    "Smith-Jones",
    "Wang",
    "Okafor",
    "Tanaka",
    "Kowalski",
    "Schmidt",
    "Rossi",
    "Novak",
    "Haddad",
    "Singh",
    "Andersson",
    "Silva",
    "Ivanova",
    "Kumar",
    "Mensah",
    "Yamamoto",
    "Dubois",
    "Fischer",
];

const HOME_DOMAINS: &[&str] = &["mail.example.org", "home.example.net", "inbox.example.com"];

/// Share of users with a home email beside the work one, and of deactivated users.
const HOME_EMAIL_PERCENT: u32 = 40;
const INACTIVE_PERCENT: u32 = 7;
/// Numbers tried for one person before the generation gives up (a seed holding them all).
const MAX_ATTEMPTS: u32 = 1000;

/// Creates `plan.users` users, in turn in each of `tenants`; returns how many.
pub fn generate(plan: Generate, tenants: &[String], store: &mut Store) -> Result<u64, String> {
    let mut rng = fastrand::Rng::with_seed(plan.seed);
    // How many people of each name there are so far: the next one gets the next number.
    let mut taken = vec![0u32; GIVEN.len() * FAMILY.len()];
    for n in 0..plan.users {
        let tenant = &tenants[(n % tenants.len() as u64) as usize];
        let (given, family) = (rng.usize(..GIVEN.len()), rng.usize(..FAMILY.len()));
        let person = Person {
            given: GIVEN[given],
            family: FAMILY[family],
            external_id: okta_id(&mut rng),
            home: (rng.u32(..100) < HOME_EMAIL_PERCENT)
                .then(|| HOME_DOMAINS[rng.usize(..HOME_DOMAINS.len())]),
            active: rng.u32(..100) >= INACTIVE_PERCENT,
        };
        let count = &mut taken[given * FAMILY.len() + family];
        let mut attempts = 0;
        loop {
            *count += 1;
            match store.create(Some(tenant), person.user(tenant, *count)) {
                Ok(_) => break,
                Err(Refusal::Taken { .. }) if attempts < MAX_ATTEMPTS => attempts += 1,
                Err(refusal) => {
                    return Err(format!(
                        "cannot generate user #{} ({} {}) in tenant {tenant}: {refusal:?}",
                        n + 1,
                        person.given,
                        person.family
                    ));
                }
            }
        }
    }
    Ok(plan.users)
}

struct Person {
    given: &'static str,
    family: &'static str,
    external_id: String,
    home: Option<&'static str>,
    active: bool,
}

impl Person {
    /// The `number`th person of this name: `mary.smith@acme.example`, then `mary.smith2@…`.
    fn user(&self, tenant: &str, number: u32) -> User {
        let suffix = if number > 1 {
            number.to_string()
        } else {
            String::new()
        };
        let (given, family) = (login_part(self.given), login_part(self.family));
        let user_name = format!("{given}.{family}{suffix}@{tenant}.example");
        let mut emails = vec![email(&user_name, "work", true)];
        if let Some(domain) = self.home {
            emails.push(email(
                &format!("{given}{family}{suffix}@{domain}"),
                "home",
                false,
            ));
        }
        let display = format!("{} {}", self.given, self.family);
        let mut rest = serde_json::Map::new();
        rest.insert(
            "name".into(),
            json!({"givenName": self.given, "familyName": self.family, "formatted": display}),
        );
        User {
            schemas: vec![USER_SCHEMA.to_string()],
            external_id: Some(self.external_id.clone()),
            user_name: Some(user_name),
            display_name: Some(display),
            active: Some(self.active),
            emails,
            rest,
            ..User::default()
        }
    }
}

fn email(value: &str, kind: &str, primary: bool) -> Email {
    Email {
        value: Some(value.to_string()),
        kind: Some(kind.to_string()),
        primary: primary.then_some(true),
        rest: serde_json::Map::<String, Value>::new(),
    }
}

/// `O'Brien` → `obrien`, `Smith-Jones` → `smithjones`.
fn login_part(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// An id shaped like Okta's user ids: `00u` and 17 letters and digits.
fn okta_id(rng: &mut fastrand::Rng) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut id = String::with_capacity(20);
    id.push_str("00u");
    id.extend((0..17).map(|_| char::from(ALPHABET[rng.usize(..ALPHABET.len())])));
    id
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::provider::by_id;

    fn directory(provider: &str, plan: Generate, tenants: &[&str]) -> Vec<User> {
        let tenants: Vec<String> = tenants.iter().map(|t| t.to_string()).collect();
        let mut store = Store::new(by_id(provider).unwrap(), tenants.clone());
        assert_eq!(generate(plan, &tenants, &mut store).unwrap(), plan.users);
        tenants
            .iter()
            .flat_map(|t| store.query(t, None))
            .map(|a| {
                let mut user = a.user();
                user.id = None;
                user
            })
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_users_and_another_seed_others() {
        let plan = Generate {
            users: 500,
            seed: 7,
        };
        let first = directory("generic", plan, &["acme"]);
        assert_eq!(first, directory("generic", plan, &["acme"]));
        assert_ne!(
            first,
            directory("generic", Generate { seed: 8, ..plan }, &["acme"])
        );
    }

    #[test]
    fn users_are_realistic_and_unique_under_service_wide_rules() {
        let plan = Generate {
            users: 3000,
            seed: 1,
        };
        // Pulumi keeps userNames and emails unique across tenants: every create must pass.
        let users = directory("pulumi", plan, &["acme", "globex"]);
        assert_eq!(users.len(), 3000);
        let names: HashSet<String> = users.iter().map(|u| u.user_name().to_lowercase()).collect();
        assert_eq!(names.len(), users.len());
        let inactive = users.iter().filter(|u| u.active == Some(false)).count();
        assert!((100..400).contains(&inactive), "{inactive} inactive");
        let with_home = users.iter().filter(|u| u.emails.len() == 2).count();
        assert!(
            (900..1500).contains(&with_home),
            "{with_home} with a home email"
        );
        let first = &users[0];
        assert_eq!(first.emails[0].kind.as_deref(), Some("work"));
        assert_eq!(first.emails[0].primary, Some(true));
        assert_eq!(first.emails[0].value.as_deref(), Some(first.user_name()));
        assert!(first.user_name().ends_with("@acme.example"), "{first:?}");
        assert!(first.display_name.is_some() && first.rest["name"]["givenName"].is_string());
    }

    #[test]
    fn a_value_a_seeded_account_holds_gets_the_next_number() {
        let tenants = vec!["acme".to_string()];
        let mut store = Store::new(by_id("slack").unwrap(), tenants.clone());
        let plan = Generate { users: 1, seed: 3 };
        let mut probe = Store::new(by_id("slack").unwrap(), tenants.clone());
        generate(plan, &tenants, &mut probe).unwrap();
        let would_be = probe.query("acme", None)[0].user();
        let mut holder = would_be.clone();
        holder.id = None;
        holder.user_name = Some("someone-else".into());
        store.create(Some("acme"), holder).unwrap();
        generate(plan, &tenants, &mut store).unwrap();
        let generated = store.query("acme", None)[1].user();
        assert_ne!(generated.emails[0].value, would_be.emails[0].value);
        assert!(generated.user_name().contains('2'), "{generated:?}");
    }
}
