//! Choosing the file of a document in its form: read and checked on the device (what it is
//! comes from its content, `files::kind_of`, as the server will check it), and a photo
//! reduced before it is sent, to a longest side and a quality the person picks, with its
//! size before and after. The file is kept on the device when the document is saved
//! (`Chosen::keep`), and sent by the sync engine (`sync::files`).

use js_sys::Reflect;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use tradewinds_shared::files::{clean_name, kind_of, sha256_hex, Attached, MAX_FILE_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use crate::components::fields::SelectField;
use crate::db::files::Files;
use crate::db::DbError;
use crate::i18n::{file_size, msg, t, tf};
use crate::sync::files::bytes_of;

/// A file chosen in the form and not yet saved with its document: what will be sent
/// (`blob`, named by `attached`) and, for a photo, the picture it can be reduced from.
#[derive(Clone)]
pub struct Chosen {
    pub attached: Attached,
    blob: Blob,
    /// The file as chosen: its size, and its picture when it can be reduced.
    original_size: u64,
    /// Its picture (an `ImageBitmap`), when it is a photo.
    picture: Option<JsValue>,
    original: Attached,
    original_blob: Blob,
}

impl Chosen {
    /// Keeps the file on this device, waiting to be sent: done before its document is
    /// saved, so that no document here names a file the device does not hold.
    pub async fn keep(&self) -> Result<(), DbError> {
        Files::open()
            .await?
            .attach(&self.attached, &self.blob)
            .await
    }
}

/// The file part of a document's form: the file it has (or the one chosen), a button to
/// remove it, and a picker; `chosen` holds a new choice until the form is saved, and
/// `on_change` sets the record's `file` to what will be saved.
#[component]
pub fn FilePicker(
    current: Signal<Option<Attached>>,
    chosen: RwSignal<Option<SendWrapper<Chosen>>, LocalStorage>,
    #[prop(into)] on_change: Callback<Option<Attached>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let reading = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let longest = RwSignal::new(String::new());
    let quality = RwSignal::new("0.8".to_owned());
    let pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        reading.set(true);
        problem.set(None);
        spawn_local(async move {
            match read_chosen(file).await {
                Ok(c) => {
                    longest.set(String::new());
                    on_change.run(Some(c.attached.clone()));
                    chosen.set(Some(SendWrapper::new(c)));
                }
                Err(e) => problem.set(Some(e)),
            }
            reading.set(false);
        });
    };
    // A new longest side or quality: the photo made again from the picture as chosen.
    let reduce = move || {
        let Some(c) = chosen.get_untracked().map(SendWrapper::take) else {
            return;
        };
        let Some(picture) = c.picture.clone() else {
            return;
        };
        let side: u32 = longest.get_untracked().parse().unwrap_or(0);
        let q: f64 = quality.get_untracked().parse().unwrap_or(0.8);
        reading.set(true);
        spawn_local(async move {
            let made = if side == 0 {
                Ok((c.original.clone(), c.original_blob.clone()))
            } else {
                reduced(&picture, side, q, &c.original.name).await
            };
            match made {
                Ok((attached, blob)) => {
                    on_change.run(Some(attached.clone()));
                    chosen.set(Some(SendWrapper::new(Chosen {
                        attached,
                        blob,
                        ..c
                    })));
                }
                Err(e) => problem.set(Some(e)),
            }
            reading.set(false);
        });
    };
    let photo = move || {
        chosen.with(|c| {
            let c = c.as_ref()?;
            let (w, h) = dimensions(c.picture.as_ref()?);
            Some((w, h, c.original_size, c.attached.size))
        })
    };
    let sides = move || {
        let Some((w, h, _, _)) = photo() else {
            return vec![];
        };
        let mut options = vec![(
            String::new(),
            tf(
                msg::DOCUMENT_PHOTO_AS_TAKEN,
                &[("width", w.into()), ("height", h.into())],
            ),
        )];
        for px in [2048u32, 1600, 1200, 800] {
            if px < w.max(h) {
                options.push((
                    px.to_string(),
                    tf(msg::DOCUMENT_PHOTO_PIXELS, &[("px", px.into())]),
                ));
            }
        }
        options
    };
    let qualities = Signal::derive(|| {
        vec![
            (
                "0.8".to_owned(),
                t(msg::DOCUMENT_PHOTO_QUALITY_HIGH).to_owned(),
            ),
            (
                "0.65".to_owned(),
                t(msg::DOCUMENT_PHOTO_QUALITY_MEDIUM).to_owned(),
            ),
            (
                "0.5".to_owned(),
                t(msg::DOCUMENT_PHOTO_QUALITY_LOW).to_owned(),
            ),
        ]
    });
    let no_error = Signal::derive(|| None::<String>);
    let max_mb = (MAX_FILE_BYTES / (1024 * 1024)) as u32;
    view! {
        <div class="field file-field" data-testid="file-field">
            <label for="f-file">{t(msg::DOCUMENT_FILE_ATTACH)}</label>
            {move || current.get().map(|a| view! {
                <p class="chosen" data-testid="file-chosen">
                    {tf(msg::DOCUMENT_FILE_CHOSEN, &[("name", a.name.as_str().into()), ("size", file_size(a.size).as_str().into())])}
                    " "
                    <button type="button" on:click=move |_| { chosen.set(None); on_change.run(None); }>{t(msg::DOCUMENT_FILE_REMOVE)}</button>
                </p>
            })}
            <input id="f-file" name="file" type="file" on:change=pick
                aria-describedby="f-file-hint"
                aria-invalid=move || error.with(Option::is_some).then_some("true")/>
            <p class="hint" id="f-file-hint">{tf(msg::DOCUMENT_FILE_HINT, &[("max", max_mb.into())])}</p>
            <Show when=move || reading.get()>
                <p class="progress" role="status">{t(msg::DOCUMENT_FILE_READING)}</p>
            </Show>
            {move || photo().map(|(_, _, before, after)| view! {
                <div class="photo-reduce" data-testid="photo-reduce">
                    <SelectField label=t(msg::DOCUMENT_PHOTO_LONGEST) name="photo-longest" options=Signal::derive(sides)
                        value=longest on_change=move |v| { longest.set(v); reduce(); } error=no_error/>
                    <SelectField label=t(msg::DOCUMENT_PHOTO_QUALITY) name="photo-quality" options=qualities
                        value=quality on_change=move |v| { quality.set(v); reduce(); } error=no_error/>
                    <p class="hint" data-testid="photo-sizes">{tf(msg::DOCUMENT_PHOTO_SIZES, &[("before", file_size(before).as_str().into()), ("after", file_size(after).as_str().into())])}</p>
                </div>
            })}
            {move || problem.get().or_else(|| error.get()).map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </div>
    }
}

/// Reads a chosen file: its content checked, hashed, and its picture when it is a photo.
async fn read_chosen(file: web_sys::File) -> Result<Chosen, String> {
    let blob: Blob = file.clone().into();
    let name = clean_name(&file.name());
    if let Some(p) = tradewinds_shared::files::size_problem(file.size() as u64) {
        return Err(crate::i18n::problem(&p));
    }
    let bytes = bytes_of(&blob).await.map_err(|e| e.to_string())?;
    let kind = kind_of(&bytes, &name).map_err(|p| crate::i18n::problem(&p))?;
    let attached = Attached {
        sha256: sha256_hex(&bytes),
        name,
        size: bytes.len() as u64,
        media_type: kind.media_type.to_owned(),
    };
    let reducible = matches!(kind.media_type, "image/jpeg" | "image/png" | "image/webp");
    let picture = if reducible {
        decode(&blob).await.ok()
    } else {
        None
    };
    Ok(Chosen {
        original: attached.clone(),
        original_blob: blob.clone(),
        original_size: attached.size,
        attached,
        blob,
        picture,
    })
}

// The picture work goes through the browser's objects by name (`Reflect`) rather than
// web-sys bindings: each binding adds its glue to the app's first download, and these
// (`createImageBitmap`, `OffscreenCanvas` and its context) would add about 0.5 KB to it
// for a screen few open.

/// `target.method(args…)`.
fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    f.apply(target, &args.iter().copied().collect())
}

/// A number property of `target` (0 if it has none).
fn number(target: &JsValue, name: &str) -> f64 {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// The picture a photo's file holds (an `ImageBitmap`).
async fn decode(blob: &Blob) -> Result<JsValue, JsValue> {
    let made = call(&js_sys::global(), "createImageBitmap", &[blob])?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(made)).await
}

/// `picture`'s width and height in pixels.
fn dimensions(picture: &JsValue) -> (u32, u32) {
    (
        number(picture, "width") as u32,
        number(picture, "height") as u32,
    )
}

/// `picture` drawn again with its longest side at most `side` pixels, as a JPEG of
/// `quality` (0–1) named after `name`.
async fn reduced(
    picture: &JsValue,
    side: u32,
    quality: f64,
    name: &str,
) -> Result<(Attached, Blob), String> {
    let fail = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let (w, h) = dimensions(picture);
    let scale = (f64::from(side) / f64::from(w.max(h).max(1))).min(1.0);
    let (nw, nh) = (
        (f64::from(w) * scale).round().max(1.0),
        (f64::from(h) * scale).round().max(1.0),
    );
    let made = async {
        let class: js_sys::Function =
            Reflect::get(&js_sys::global(), &"OffscreenCanvas".into())?.dyn_into()?;
        let canvas = Reflect::construct(&class, &js_sys::Array::of2(&nw.into(), &nh.into()))?;
        let context = call(&canvas, "getContext", &[&"2d".into()])?;
        let zero = JsValue::from(0.0);
        call(
            &context,
            "drawImage",
            &[picture, &zero, &zero, &nw.into(), &nh.into()],
        )?;
        let options = js_sys::Object::new();
        Reflect::set(&options, &"type".into(), &"image/jpeg".into())?;
        Reflect::set(&options, &"quality".into(), &quality.into())?;
        let blob = call(&canvas, "convertToBlob", &[&options])?;
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(blob))
            .await?
            .dyn_into::<Blob>()
    };
    let blob = made.await.map_err(fail)?;
    let bytes = bytes_of(&blob).await.map_err(|e| e.to_string())?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let attached = Attached {
        sha256: sha256_hex(&bytes),
        name: clean_name(&format!("{stem}.jpg")),
        size: bytes.len() as u64,
        media_type: "image/jpeg".into(),
    };
    Ok((attached, blob))
}
