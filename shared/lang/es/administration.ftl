# Accounts, importing files and changes carried on a file.

## La página Usuarios

users-admins-only = Solo los administradores gestionan los usuarios.
users-lead = Las cuentas se guardan en el servidor, no en este dispositivo: esta página necesita conexión.
users-offline = La gestión de usuarios necesita conexión con el servidor, y ahora no se puede acceder a él. El catálogo sigue funcionando en este dispositivo.
users-try-again = Volver a intentarlo
users-not-loaded = No se pudieron cargar los usuarios: { $error }
users-count = { $count ->
    [one] { $count } cuenta
   *[other] { $count } cuentas
}
users-added = { $name } ya puede iniciar sesión como { $email }.
users-add = Añadir un usuario
users-initial-password = Contraseña inicial
users-initial-password-hint = Al menos 10 caracteres; indique a la persona cómo cambiarla
users-add-button = Añadir
users-cancel = Cancelar
users-disabled = desactivada
users-change = Modificar
users-enable = Activar
users-disable = Desactivar
users-new-password-hint = Déjela vacía para conservar la actual; una contraseña nueva cierra la sesión de la persona en todos sus dispositivos
users-save = Guardar

## Importar desde una hoja de cálculo

import-lead = Incorpore registros desde un archivo CSV, proyectos desde un archivo de actividades IATI, o una copia de todo el catálogo guardada desde «Acerca de este dispositivo». El archivo se lee en este dispositivo, también sin conexión; nada cambia hasta que usted confirme, y los registros llegan al servidor en la siguiente sincronización.
import-file-holds = El archivo contiene
import-kind = { $kind ->
    [organisations] Organizaciones
    [contacts] Contactos
    [training_tools] Herramientas de capacitación
    [action_items] Acciones acordadas
    [projects] Proyectos
   *[other] { $kind }
}
import-iati-option = Proyectos (XML de actividades IATI)
import-copy-option = Todo el catálogo (una copia guardada en JSON)
import-activities-in = Actividades en
import-region = La región (un país del catálogo, o las Antillas)
import-file = Archivo
import-hint-csv = Las columnas se reconocen por su nombre, tal como las escribe «Descargar en CSV» (por ejemplo { $examples }); una columna Id asocia las filas a los registros; si no la hay, las filas se asocian por lo que las nombra. Separado por comas o por punto y coma, en UTF-8 o en la codificación propia de la hoja de cálculo.
import-hint-iati = XML de actividades IATI, versiones 2.01 a 2.03: cada actividad es un proyecto, identificado por su identificador IATI; sus organizaciones se identifican por su nombre, y las que no están en este dispositivo se indican para que puedan añadirse primero.
import-hint-copy = Una copia generada con «Descargar una copia del catálogo» (Acerca de este dispositivo): cada registro se identifica por su id, se añade si no está aquí y se modifica donde la copia difiere. Los registros que no están en la copia quedan como están.
import-file-unreadable = No se pudo leer el archivo.
import-file-too-big = El archivo ocupa { $size } MB; la importación lee archivos de hasta 20 MB. Divídalo en archivos más pequeños.
import-sign-in = Inicie sesión para importar: los registros se añaden a su nombre.
import-sign-in-first = Inicie sesión para importar.
import-reading = Leyendo { $file }…
import-reading-progress = Leyendo { $file }: { $percent } %
import-checking-progress = Verificando { $file }: { $percent } %
import-activities-elsewhere = { $skipped ->
    [one] { $skipped } de las { $activities } actividades del archivo se realiza en otro lugar y no se lee.
   *[other] { $skipped } de las { $activities } actividades del archivo se realizan en otros lugares y no se leen.
}
import-orgs-not-added = No se pudieron añadir las organizaciones: { $error }
import-nothing-imported = No se importó nada: { $error }
import-missing = { $count ->
    [one] { $count } organización nombrada en el archivo no está en este dispositivo: { $names }.
   *[other] { $count } organizaciones nombradas en el archivo no están en este dispositivo: { $names }.
}
import-ask-coordinator = Pida a un coordinador regional que las añada y vuelva a importar el archivo.
import-add-missing = Añadirlas (por su nombre, con el identificador IATI que indica el archivo) y volver a verificar el archivo
import-confirm = { $count ->
    [one] Importar { $count } registro
   *[other] Importar { $count } registros
}
import-cancel = Cancelar
import-writing = { $count ->
    [one] Guardando { $count } registro…
   *[other] Guardando { $count } registros…
}
import-done = { $count ->
    [one] Importación terminada: { $count } registro añadido o modificado en este dispositivo. Llegará al servidor en la siguiente sincronización.
   *[other] Importación terminada: { $count } registros añadidos o modificados en este dispositivo. Llegarán al servidor en la siguiente sincronización.
}
import-see-start-page = Ver la página de inicio
import-see-follow-up = Ver la lista de seguimiento
import-see-organisations = Ver las organizaciones
import-see-training-tools = Ver las herramientas de capacitación
import-see-projects = Ver los proyectos
import-summary = { $add } por añadir, { $change } por modificar, { $unchanged ->
    [one] { $unchanged } ya igual que en el archivo
   *[other] { $unchanged } ya iguales que en el archivo
}, { $refused ->
    [one] { $refused } rechazado
   *[other] { $refused } rechazados
}.
import-columns-read = Columnas leídas: { $read }
import-columns-not-read = Columnas leídas: { $read }. No leídas (no son campos { $kind ->
    [organisations] de las organizaciones
    [contacts] de los contactos
    [training_tools] de las herramientas de capacitación
    [action_items] de las acciones acordadas
    [projects] de los proyectos
   *[other] de { $kind }
}): { $ignored }
import-not-kept = Elementos no conservados ({ $count })
import-refused = Rechazados ({ $count })
import-refused-rows = Estas filas no se importarán. Corríjalas en la hoja de cálculo y vuelva a importar el archivo: las filas ya importadas no se añaden dos veces.
import-refused-records = Estos registros no se importarán; los demás sí.
import-column-line = Línea
import-column-record = Registro
import-column-row = Fila
import-column-column = Columna
import-column-field = Campo
import-column-problem = Problema
import-to-add = Por añadir ({ $count })
import-to-change = Por modificar ({ $count })
import-more = … y { $count } más.

## Cambios llevados en un archivo (página Sincronización)

carried-sign-in-to-save = Inicie sesión para guardar sus cambios en un archivo.
carried-no-key = Este dispositivo no se ha conectado al servidor desde que usted inició sesión, por lo que todavía no tiene una clave para sellar un archivo; la recibirá en su próxima sincronización. Hasta entonces, sus cambios se quedan aquí, pendientes.
carried-nothing-waiting = Ninguno de sus cambios está pendiente de envío.
carried-saved = { $count ->
    [one] { $count } cambio guardado en { $file }. Lleve el archivo a un lugar con conexión y entréguelo a un administrador de Tradewinds, que lo incorporará. El cambio también se queda aquí y se enviará solo cuando este dispositivo vuelva a estar en línea.
   *[other] { $count } cambios guardados en { $file }. Lleve el archivo a un lugar con conexión y entréguelo a un administrador de Tradewinds, que lo incorporará. Los cambios también se quedan aquí y se enviarán solos cuando este dispositivo vuelva a estar en línea.
}
carried-save-about = ¿No hay conexión aquí desde hace tiempo? Sus cambios pendientes pueden viajar en un archivo (una memoria USB, o un correo electrónico enviado desde otro lugar).
carried-save = Guardar mis cambios pendientes en un archivo
carried-report = { $changes ->
    [one] { $changes } cambio de { $name } hecho el { $time }
   *[other] { $changes } cambios de { $name } hechos el { $time }
}: { $applied ->
    [one] { $applied } aplicado ahora
   *[other] { $applied } aplicados ahora
}, { $already ->
    [one] { $already } ya presente
   *[other] { $already } ya presentes
}, { $refused ->
    [one] { $refused } rechazado
   *[other] { $refused } rechazados
}.
carried-sign-in-to-take-in = Vuelva a iniciar sesión para incorporar archivos.
carried-not-taken-in = No incorporado: { $error }
carried-title = Cambios llevados en un archivo
carried-take-in-about = Un archivo guardado con «Guardar mis cambios pendientes en un archivo» en un dispositivo que no podía sincronizarse. Sus cambios se verifican como si esa persona se hubiera sincronizado: un archivo incorporado dos veces no cambia nada.
carried-take-in = Incorporar un archivo de cambios
carried-rejected = Cambio { $n }: { $message }
