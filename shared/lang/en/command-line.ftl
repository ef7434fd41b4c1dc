# The server's command line (`tradewinds …`), in the language its environment names
# (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). No device shows these: the app's language
# files leave out every `cli-` message.

cli-running = Tradewinds is running at { $address }  (press Ctrl+C to stop)
cli-demo-accounts = Demo accounts are enabled (password `{ $password }`; see README).
cli-no-accounts = No accounts yet: add the first administrator with `tradewinds user add --email you@example.org --role admin`.
cli-password = Password
cli-password-again = Password again
cli-passwords-differ = the two passwords differ
cli-no-password = no password on the standard input
cli-user-added = Added { $email } ({ $role }), id { $id }.
cli-user-not-added = not added: { $error }
cli-cannot-read = cannot read { $file }: { $error }
cli-changes-taken = { $changes ->
    [one] 1 change by { $name } from device { $device }: { $applied } applied, { $already } already taken in, { $refused } refused.
   *[other] { $changes } changes by { $name } from device { $device }: { $applied } applied, { $already } already taken in, { $refused } refused.
}
cli-change-refused = change { $number }: { $message } ({ $code })
cli-new-identity = { $database } now has the identity { $identity }: every device will load the catalogue again and send its unacknowledged changes.
cli-migrated = { $database } is up to date: migrations { $applied } applied.
cli-table-rows = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
cli-copied = Copied { $from } to { $to } in { $seconds } s; every table's rows are the same on both sides.
cli-backed-up = Backed up { $database } to { $file }.
cli-restored = Restored { $database } from { $file }; the server's new identity is { $identity }: every device will load the catalogue again and send its unacknowledged changes.
