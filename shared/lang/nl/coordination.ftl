# Meetings, their action items, missions, documents and contacts.

## Vergaderingen

meeting-count = { $shown } van { $total } { $total ->
    [one] vergadering
   *[other] vergaderingen
}
meeting-to-do = { $count ->
    [one] { $count } actiepunt te doen
   *[other] { $count } actiepunten te doen
}
meeting-remove-keeps = De actiepunten en documenten ervan blijven bewaard, maar zonder koppeling aan deze vergadering.
meeting-dates = Datums
meeting-place = Plaats
meeting-hint-ends = Leeg laten voor een vergadering van één dag
meeting-hint-venue = Bijvoorbeeld CARTAC-kantoor, Bridgetown; of Videoconferentie
meeting-hint-chair = Zoals de bronnen het noemen, bijvoorbeeld vicevoorzitter van de WDO voor Amerika en het Caribisch gebied

## Actiepunten

action-still-to-do = Nog te doen
action-overdue-only = Alleen over tijd
action-count = { $shown } van { $total } { $total ->
    [one] actiepunt
   *[other] actiepunten
}{ $late ->
    [0] {""}
   *[other] {" · "}{ $late } over tijd in totaal
}
action-org-not-here = een organisatie die niet op dit apparaat staat
action-intro-meeting = Afgesproken op deze vergadering.
action-intro-mission = Aanbevolen door deze missie.
action-intro-organisation = Toegewezen aan of gedeeld met deze organisatie.
action-none-recorded = Geen actiepunten vastgelegd.
action-add = Een actiepunt toevoegen
action-new = Nieuw actiepunt
action-status-overdue = { $status } · over tijd
action-due = uiterlijk { $due }
action-owner-with = { $owner } met { $others }
action-mark-done = Als afgerond markeren
action-remove = Verwijderen
action-not-marked-done = Niet als afgerond gemarkeerd: { $error }
action-not-removed = Niet verwijderd: { $error }
action-hint-due = Een dag (2013-04-30), een maand (2013-04) of een kwartaal (2013-Q2); leeg zolang het niet besloten is
action-shared-summary = Gedeeld met andere organisaties
action-save = Actiepunt opslaan
action-cancel = Annuleren

## Missies

mission-remove-keeps = De actiepunten die ze aanbeval en haar documenten blijven bewaard, maar zonder koppeling aan deze missie.
mission-dates = Datums
mission-full-report = Volledig rapport
mission-report-where = waar het wordt bewaard
mission-not-recorded = Nog niet vastgelegd.
mission-overlaps-title = Andere aanbieders tegelijk ter plaatse
mission-overlaps-intro = Missies van andere aanbieders in hetzelfde land, over hetzelfde onderwerp, op overlappende dagen:
mission-role-provided = uitgevoerd
mission-role-received = ontvangen
mission-none-recorded = Geen missie vastgelegd.
mission-hint-title = Bijvoorbeeld diagnose controle achteraf
mission-hint-report-url = Volledig adres, als het online staat

## Documenten van een vergadering, missie of project

document-section = Documenten
document-none-linked = Nog geen documenten gekoppeld.
document-link = Document toevoegen
document-new = Nieuw document
document-not-removed = Niet verwijderd: { $error }
document-remove = Verwijderen
document-hint-url = Waar het is gepubliceerd, bijvoorbeeld https://www.cartac.org/… Laat leeg als u het bestand toevoegt.
document-save = Document opslaan
document-cancel = Annuleren
document-file-attach = Bestand toevoegen
document-file-hint = Pdf, kantoordocumenten, afbeeldingen of tekst, tot { $max } MB. Het blijft op dit apparaat en wordt verzonden zodra er verbinding is.
document-file-reading = Bestand lezen…
document-file-chosen = { $name } · { $size }
document-file-remove = Bestand verwijderen
document-photo-longest = Langste zijde
document-photo-as-taken = Zoals genomen ({ $width } × { $height } px)
document-photo-pixels = { $px } px
document-photo-quality = Kwaliteit
document-photo-quality-high = Hoog
document-photo-quality-medium = Gemiddeld
document-photo-quality-low = Laag
document-photo-sizes = { $before } zoals genomen, { $after } om te verzenden
document-file-open = Openen
document-file-keep = Op dit apparaat bewaren
document-file-kept = Bewaard op dit apparaat
document-file-unkeep = Niet meer bewaren
document-file-keep-all = Al deze bestanden op dit apparaat bewaren
document-file-waiting = Wacht op verzending
document-file-sending = Verzenden: { $done } van { $size }
document-file-fetching = Ophalen: { $done } van { $size }
document-file-refused = De server nam dit bestand niet aan: { $reason }
document-file-failed = Niet gelukt: { $error }
sync-files-waiting = Bestanden die wachten op verzending
kilobytes = { $kb } KB

## Contactpersonen van een organisatie

contact-section = Contactpersonen
contact-none-recorded = Nog geen contactpersonen vastgelegd.
contact-add = Een contactpersoon toevoegen
contact-new = Nieuwe contactpersoon
contact-not-removed = Niet verwijderd: { $error }
contact-remove = Verwijderen
contact-hint-role = Zoals de bronnen de functie noemen, bijvoorbeeld Comptroller of Customs
contact-save = Contactpersoon opslaan
contact-cancel = Annuleren
contact-download-csv = Hun contactpersonen downloaden als CSV
contact-import = Contactpersonen importeren uit een spreadsheet
