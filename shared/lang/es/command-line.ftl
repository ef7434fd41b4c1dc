# La línea de comandos del servidor (`tradewinds …`), en el idioma que indica su entorno
# (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). Ningún dispositivo los muestra.

cli-running = Tradewinds está funcionando en { $address }  (pulse Ctrl+C para detenerlo)
cli-demo-accounts = Las cuentas de demostración están activadas (contraseña `{ $password }`; véase el README).
cli-no-accounts = Aún no hay cuentas: añada el primer administrador con `tradewinds user add --email usted@example.org --role admin`.
cli-password = Contraseña
cli-password-again = Contraseña (otra vez)
cli-passwords-differ = las dos contraseñas no coinciden
cli-no-password = no hay contraseña en la entrada estándar
cli-user-added = Se añadió { $email } ({ $role }), identificador { $id }.
cli-user-not-added = no se añadió: { $error }
cli-cannot-read = no se puede leer { $file }: { $error }
cli-changes-taken = { $changes ->
    [one] 1 cambio de { $name } desde el dispositivo { $device }: { $applied } aplicados, { $already } ya recibidos, { $refused } rechazados.
   *[other] { $changes } cambios de { $name } desde el dispositivo { $device }: { $applied } aplicados, { $already } ya recibidos, { $refused } rechazados.
}
cli-change-refused = cambio { $number }: { $message } ({ $code })
cli-new-identity = { $database } tiene ahora la identidad { $identity }: cada dispositivo volverá a cargar el catálogo y enviará sus cambios no confirmados.
cli-migrated = { $database } está al día: migraciones { $applied } aplicadas.
cli-table-rows = { $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
}
cli-copied = { $from } copiado a { $to } en { $seconds } s; cada tabla tiene las mismas filas en ambos lados.
cli-backed-up = Copia de seguridad de { $database } guardada en { $file }.
cli-restored = { $database } restaurado desde { $file }; la nueva identidad del servidor es { $identity }: cada dispositivo volverá a cargar el catálogo y enviará sus cambios no confirmados.
