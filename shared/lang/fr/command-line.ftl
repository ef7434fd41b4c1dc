# La ligne de commande du serveur (`tradewinds …`), dans la langue que nomme son
# environnement (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). Aucun appareil ne les affiche.

cli-running = Tradewinds fonctionne à l’adresse { $address }  (Ctrl+C pour l’arrêter)
cli-demo-accounts = Les comptes de démonstration sont activés (mot de passe `{ $password }` ; voir le README).
cli-no-accounts = Aucun compte pour l’instant : ajoutez le premier administrateur avec `tradewinds user add --email vous@example.org --role admin`.
cli-password = Mot de passe
cli-password-again = Mot de passe (à nouveau)
cli-passwords-differ = les deux mots de passe diffèrent
cli-no-password = aucun mot de passe sur l’entrée standard
cli-user-added = { $email } ajouté ({ $role }), identifiant { $id }.
cli-user-not-added = compte non ajouté : { $error }
cli-cannot-read = impossible de lire { $file } : { $error }
cli-changes-taken = { $changes ->
    [one] 1 modification de { $name } depuis l’appareil { $device } : { $applied } appliquée(s), { $already } déjà reçue(s), { $refused } refusée(s).
   *[other] { $changes } modifications de { $name } depuis l’appareil { $device } : { $applied } appliquée(s), { $already } déjà reçue(s), { $refused } refusée(s).
}
cli-change-refused = modification { $number } : { $message } ({ $code })
cli-new-identity = { $database } a désormais l’identité { $identity } : chaque appareil rechargera le catalogue et renverra ses modifications non confirmées.
cli-migrated = { $database } est à jour : migrations { $applied } appliquées.
cli-table-rows = { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
cli-copied = { $from } copié vers { $to } en { $seconds } s ; chaque table a les mêmes lignes des deux côtés.
cli-backed-up = { $database } sauvegardé dans { $file }.
cli-restored = { $database } restauré depuis { $file } ; la nouvelle identité du serveur est { $identity } : chaque appareil rechargera le catalogue et renverra ses modifications non confirmées.
