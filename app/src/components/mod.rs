//! Pieces the pages share: the page shell and form fields.

pub mod fields;
pub mod layout;
pub mod list;
pub mod pickers;
pub mod pwa;

/// A local date and time for people ("28 Nov 2026, 14:02").
pub fn format_time(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let opts = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    let locale = match crate::i18n::lang() {
        tradewinds_shared::i18n::Lang::En => "en-GB",
        other => other.code(),
    };
    d.to_locale_string(locale, &opts).into()
}

/// Today on this device's clock, in its time zone (an evening in the Caribbean is not
/// tomorrow, as UTC would have it).
pub fn today() -> tradewinds_shared::dates::Day {
    let now = js_sys::Date::new_0();
    tradewinds_shared::dates::Day {
        year: now.get_full_year() as u16,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}
