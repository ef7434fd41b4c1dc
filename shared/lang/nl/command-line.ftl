# De opdrachtregel van de server (`tradewinds …`), in de taal die de omgeving noemt
# (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). Geen apparaat toont deze teksten.

cli-running = Tradewinds draait op { $address }  (Ctrl+C om te stoppen)
cli-demo-accounts = Demo-accounts zijn ingeschakeld (wachtwoord `{ $password }`; zie de README).
cli-no-accounts = Nog geen accounts: voeg de eerste beheerder toe met `tradewinds user add --email u@example.org --role admin`.
cli-password = Wachtwoord
cli-password-again = Wachtwoord (nogmaals)
cli-passwords-differ = de twee wachtwoorden verschillen
cli-no-password = geen wachtwoord op de standaardinvoer
cli-user-added = { $email } toegevoegd ({ $role }), id { $id }.
cli-user-not-added = niet toegevoegd: { $error }
cli-cannot-read = kan { $file } niet lezen: { $error }
cli-changes-taken = { $changes ->
    [one] 1 wijziging van { $name } vanaf apparaat { $device }: { $applied } toegepast, { $already } al ontvangen, { $refused } geweigerd.
   *[other] { $changes } wijzigingen van { $name } vanaf apparaat { $device }: { $applied } toegepast, { $already } al ontvangen, { $refused } geweigerd.
}
cli-change-refused = wijziging { $number }: { $message } ({ $code })
cli-new-identity = { $database } heeft nu de identiteit { $identity }: elk apparaat laadt de catalogus opnieuw en stuurt zijn onbevestigde wijzigingen.
cli-migrated = { $database } is bijgewerkt: migraties { $applied } toegepast.
cli-table-rows = { $rows ->
    [one] { $rows } rij
   *[other] { $rows } rijen
}
cli-copied = { $from } gekopieerd naar { $to } in { $seconds } s; elke tabel heeft aan beide kanten dezelfde rijen.
cli-backed-up = Reservekopie van { $database } gemaakt in { $file }.
cli-restored = { $database } hersteld uit { $file }; de nieuwe identiteit van de server is { $identity }: elk apparaat laadt de catalogus opnieuw en stuurt zijn onbevestigde wijzigingen.
