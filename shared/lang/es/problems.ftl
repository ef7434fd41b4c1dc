# Lo que está mal en lo que una persona introdujo o envió: controles de los campos y rechazos del servidor.

## Cualquier campo

problem-required = Este campo es obligatorio.
problem-too-long = Como máximo { $max } caracteres (este tiene { $count }).
problem-not-url = Introduzca una dirección web completa que empiece por http:// o https://.
problem-not-email = Introduzca una dirección de correo electrónico como nombre@customs.gov.bb.
problem-not-day = Introduzca una fecha con el formato AAAA-MM-DD, por ejemplo { $example }.
problem-not-year = Introduzca un año entre 1950 y 2100.
problem-not-phone = Use solo cifras, espacios y + - ( ), por ejemplo +1 246 555 0100.
problem-unknown-topic = Tema desconocido: `{ $code }`.
problem-unknown-country = Código de país desconocido: `{ $code }` (use el código ISO 3166 alfa-2, por ejemplo BB).
problem-unknown-language = Código de idioma desconocido: `{ $code }`.
problem-too-many-orgs = Como máximo { $max } organizaciones.
problem-no-language = Elija al menos un idioma.
problem-not-iati-org-id = «{ $value }» no es un identificador de organización IATI: el prefijo de una agencia de registro y un número unidos por guiones, sin espacios ni barras (por ejemplo XM-DAC-41114).

## Registros de cada tipo

problem-successor-not-defunct = Solo una organización extinta tiene sucesora.
problem-memberships = Como máximo 30 afiliaciones, cada una un nombre de 60 caracteres como máximo.
problem-contact-organisation = Elija la organización a la que pertenece este contacto.
problem-tool-provider = Elija la organización que ofrece esta herramienta.
problem-meeting-starts = Introduzca el primer día de la reunión.
problem-ends-before-starts = El último día no puede ser anterior al primero.
problem-meeting-organiser = Elija la organización que convocó o acogió la reunión.
problem-action-owner = Elija la organización responsable de esta acción.
problem-action-owner-shares = El responsable ya responde de la acción: no lo incluya entre quienes la comparten.
problem-action-due = Introduzca el plazo como 2013-04-30 (un día), 2013-04 (un mes) o 2013-Q2 (un trimestre), o déjelo vacío mientras no se haya decidido.
problem-mission-provider = Elija la organización que presta la asistencia.
problem-mission-beneficiary = Elija la administración beneficiaria (o al menos el país).
problem-mission-starts = Introduzca el primer día de la misión.
problem-project-ends-before-starts = El final no puede ser anterior al inicio.
problem-project-accountable = Elija la organización responsable del proyecto.
problem-project-funders = Elija al menos un donante.
problem-too-many-sectors = Como máximo { $max } sectores.
problem-not-dac-code = «{ $code }» no es un código de finalidad del CAD de 5 cifras (por ejemplo 43010).
problem-budget-too-large = Son más de 100 000 millones: revise la cifra.
problem-not-currency = Use un código ISO 4217 de tres letras, por ejemplo USD, CAD, GBP o EUR.
problem-currency-missing = Indique la moneda del presupuesto, por ejemplo USD.
problem-document-url = Indique la dirección donde se publica el documento, por ejemplo https://www.cartac.org/…, o adjunte el archivo.
problem-document-publisher = Elija la organización que lo publicó.
problem-file-hash = La huella del archivo no es un SHA-256 (64 dígitos hexadecimales).
problem-file-name = Dé al archivo un nombre sin carpetas ni caracteres de control, de 200 caracteres como máximo.
problem-file-empty = El archivo está vacío.
problem-file-too-large = Un archivo puede tener como máximo { $max } MB; este tiene { $size } MB. Redúzcalo (una foto) o guárdelo más ligero (un PDF).
problem-file-type = Tradewinds guarda archivos PDF, documentos de oficina (Word, Excel, PowerPoint, OpenDocument), imágenes JPEG, PNG, GIF y WebP y texto plano; este archivo no es ninguno de ellos.
problem-file-markup = No se pueden adjuntar páginas web, dibujos SVG ni otro marcado, porque un navegador podría ejecutarlos. Guárdelo como PDF.
problem-file-packed = Este archivo se descomprime en mucho más que su tamaño (una «bomba zip»), así que no se guarda.
problem-file-claimed = El contenido del archivo es { $found }, no el { $claimed } que indica su documento.
problem-file-mismatch = Los bytes recibidos no coinciden con la huella del archivo; se enviará de nuevo desde el principio.
problem-file-not-attached = Ningún documento que usted pueda modificar nombra este archivo, así que no se puede enviar.
problem-file-not-uploaded = Este archivo aún no ha llegado al servidor: el dispositivo que lo adjuntó lo enviará cuando vuelva a estar en línea.
problem-file-offset = El servidor tiene { $received } bytes de este archivo; envíe la parte que empieza ahí.
problem-file-part-too-large = Una parte puede tener como máximo { $max } bytes, y el archivo termina en el byte { $size }.

## Cuentas

problem-password-short = Use al menos { $min } caracteres.
problem-password-long = Use como máximo { $max } bytes.
problem-not-current-password = No es su contraseña actual.
problem-office-editor-organisation = Un editor trabaja para una sola administración: elíjala.

## Quién puede cambiar qué

problem-viewer-cannot-change = Su cuenta puede consultar el catálogo pero no modificarlo (lector). Pida permisos de edición a un administrador.
problem-office-editor-without-organisation = Su cuenta es de editor pero no tiene organización; pida a un administrador que le asigne la suya.
problem-only-coordinators-add-orgs = Solo los coordinadores regionales pueden añadir organizaciones.
problem-only-coordinators-remove-orgs = Solo los coordinadores regionales pueden eliminar organizaciones.
problem-only-coordinators-change-org-field = Solo los coordinadores regionales pueden cambiar el campo «{ $field }» de una organización.
problem-only-coordinators-restore = Solo un coordinador regional puede restablecer un registro eliminado.
problem-another-offices-record = Este registro pertenece a otra organización: solo esa oficina o un coordinador regional pueden cambiarlo.
problem-own-office-only = Un editor solo puede guardar registros de su propia organización.

## Cambios tal como los recibe el servidor

problem-not-true-or-false = Debe ser true o false.
problem-no-such-field = Los registros de este tipo no tienen ningún campo llamado `{ $field }`.
problem-unknown-field = Campo desconocido: `{ $field }`.
problem-wrong-value = Valor incorrecto: { $detail }.
problem-wrong-kind = El registro { $id } es de tipo «{ $stored }», no «{ $sent }».
problem-context-unchanged-field = Se da un contexto para un campo que el cambio no modifica.
problem-removal-alone = Eliminar o restablecer un registro no cambia nada más: envíe los demás cambios por separado.
problem-unseen-versions = Este cambio se hizo habiendo visto versiones de este campo que nunca se recibieron aquí (tras restaurar un servidor desde una copia de seguridad, o desde una aplicación defectuosa); se rechazó. Envíelo de nuevo para aplicarlo al registro tal como está ahora.

## Importar un archivo: las celdas de una fila

problem-import-not-id = «{ $text }» no es un identificador de registro.
problem-import-id-of-other-kind = Este identificador pertenece aquí a un registro de otro tipo ({ $kind }); un registro conserva su tipo.
problem-import-row-of-many = Esta fila coincide con { $count } registros en este dispositivo: añada la columna { $column } para indicar cuál.
problem-import-beyond-headers = Esta celda está después de la última columna con encabezado.
problem-import-same-record = La línea { $line } es el mismo registro: conserve una de las dos filas.
problem-import-no-such-id = Ningún registro de tipo «{ $kind }» tiene el identificador { $id } en este dispositivo.
problem-import-name-of-many = «{ $text }» designa { $count } registros de tipo «{ $kind }»: escriba el nombre completo o el identificador del que se quiere decir.
problem-import-no-such-name = Ningún registro de tipo «{ $kind }» se llama «{ $text }» en este dispositivo: añádalo primero o corrija el nombre.
problem-import-not-known = «{ $text }» no es un valor conocido de «{ $what }» (por ejemplo { $examples }).
problem-import-not-topic = «{ $text }» no es un tema conocido (por ejemplo { $examples }).
problem-import-not-day = «{ $text }» no es una fecha: escríbala como 2013-04-15 o 15 de abril de 2013.
problem-import-not-due = «{ $text }» no es un plazo: escriba 2013-04-15, abril de 2013, 2.º trimestre de 2013 o 2013-Q2, o déjelo vacío.
problem-import-not-whole = «{ $text }» no es un número entero.
a-country = país
a-language = idioma
record-noun-organisation = organización
record-noun-contact = contacto
record-noun-training_tool = herramienta de formación
record-noun-programme = programa
record-noun-meeting = reunión
record-noun-action_item = acción
record-noun-project = proyecto
record-noun-mission = misión
record-noun-document = documento

## La organización informante de la exportación IATI

problem-reporter-missing = Introduzca el identificador IATI de la organización informante (por ejemplo XM-DAC-41114): un archivo IATI indica quién lo publica.
problem-reporter-kind = Elija el tipo de la organización informante.
problem-reporter-name = Elija la organización informante.

## Empezar desde una copia del catálogo

problem-copy-unknown-kind = «{ $kind }» no es un tipo de registro que conozca esta versión.
problem-copy-twice = La copia contiene este registro dos veces: solo se lee el primero.

## Cambios que el servidor rechaza

problem-clock-ahead = El reloj del dispositivo va más de un día por delante del servidor; corrija la fecha y la hora y vuelva a enviar.
problem-record-invalid = El cambio se rechazó: el registro no sería válido.

## Cambios llevados en un archivo

problem-file-not-changes = No es un archivo de cambios de Tradewinds (creado con «Guardar mis cambios pendientes en un archivo»): { $detail }
problem-file-newer = Este archivo de cambios se creó con una versión más reciente de Tradewinds (versión { $version }); actualice primero el servidor.
problem-file-changes-unreadable = No se pueden leer los cambios de este archivo: { $detail }
problem-file-not-text = Este archivo de cambios no se acepta: no es texto (un archivo de cambios es JSON en UTF-8).
problem-file-servers-device = Este archivo de cambios no se acepta: su dispositivo es el del propio servidor.
problem-file-numbered-from-zero = Este archivo de cambios no se acepta: sus cambios están numerados desde 0; empiezan en 1.
problem-file-gap-inside = Este archivo de cambios no se acepta: a su cambio { $first } le sigue el { $next }; los cambios se numeran sin saltos.
problem-file-server-device = Este identificador de dispositivo pertenece al servidor.
problem-file-altered = Este archivo se modificó después de crearse, o se creó para otro servidor: no se aceptó nada. Vuelva a guardar los cambios en un archivo en el dispositivo.
problem-file-account-disabled = Los cambios de este archivo son de «{ $name }», cuya cuenta está desactivada o no existe aquí: no se aceptó nada.
problem-file-key-withdrawn = Este archivo se selló en su dispositivo con una clave retirada después («{ $name }» cerró sesión en todas partes, o un administrador cambió su contraseña): no se aceptó nada. Sus cambios siguen en el dispositivo y llegarán al servidor cuando se sincronice en línea; o vuelva a iniciar sesión en él y guarde un archivo nuevo.
problem-file-foreign-copy = Este archivo se creó a partir de una copia del catálogo que este servidor ya no tiene (se restauró desde una copia de seguridad o se sustituyó): no se aceptó nada. Los cambios del dispositivo llegarán al servidor la próxima vez que se sincronice en línea.
problem-file-gap = Los cambios de este archivo empiezan en el número { $first }, pero el servidor solo ha recibido hasta el { $before } de este dispositivo: un archivo (o una sincronización) anterior no le ha llegado. Cárguelo primero; no se aceptó nada.
problem-file-device-not-yours = Este identificador de dispositivo pertenece a otra cuenta: sus cambios solo se aceptan de la cuenta que lo usó primero.

## Respuestas del servidor a las solicitudes

problem-sign-in-first = Inicie sesión primero: esta solicitud no tiene una sesión válida (falta, ha caducado o se cerró).
problem-wrong-credentials = El correo electrónico o la contraseña no son correctos (o la cuenta está desactivada).
problem-too-many-attempts = { $seconds ->
    [one] Demasiados inicios de sesión fallidos o contraseñas erróneas. Espere { $seconds } segundo y vuelva a intentarlo.
   *[other] Demasiados inicios de sesión fallidos o contraseñas erróneas. Espere { $seconds } segundos y vuelva a intentarlo.
}
problem-admins-only = Solo los administradores gestionan las cuentas.
problem-no-user = Ningún usuario tiene el identificador { $id }.
problem-not-user-id = `{ $text }` no es un identificador de usuario (un UUID).
problem-no-organisation = Ninguna organización tiene el identificador { $id }.
problem-email-taken = Ya existe una cuenta para { $email }.
problem-last-admin = Es el último administrador activo: nombre antes administrador a otra persona.
problem-cannot-add = Su cuenta ({ $role }) no puede añadir registros de este tipo ({ $kind }).
problem-cannot-change = Su cuenta ({ $role }) no puede cambiar este registro ({ $kind }).
problem-no-record = Ningún registro de tipo «{ $kind }» tiene el identificador { $id }.
problem-reserved-field = `{ $field }` no puede figurar en el cuerpo: el identificador está en la URL, y DELETE elimina un registro.
problem-empty-body = El cuerpo no tiene campos que guardar.
problem-record-not-valid = El registro no es válido:
problem-device-not-yours = Este identificador de dispositivo pertenece a otra cuenta: los cambios solo se aceptan de la cuenta que lo usó primero. La aplicación continúa como un dispositivo nuevo de su cuenta.
problem-too-many-devices = Esta cuenta ya se sincroniza desde { $max } dispositivos, el máximo para una cuenta; consulte a un administrador.
problem-server-device = Este identificador de dispositivo pertenece al servidor; un dispositivo envía con su propio identificador aleatorio.
problem-push-too-long = Como máximo { $max } cambios por envío; envíe el resto en el siguiente.
problem-push-too-many = Como máximo { $max } cambios por envío (se recibieron { $count }).
problem-not-consecutive = Los cambios deben numerarse de forma consecutiva; al { $first } le sigue el { $next }.
problem-numbers-start-at-one = Los números de cambio empiezan en 1.
problem-mutation-gap = El próximo cambio de este dispositivo es el { $next }, pero el envío empieza en el { $first }: envíe primero los que faltan.
problem-cursor-reset = Los datos de este servidor no son la copia con la que este dispositivo se sincronizó por última vez (se restauró desde una copia de seguridad o se sustituyó). Vuelva a cargarlos y después envíe los cambios pendientes.
problem-not-cursor = `{ $cursor }` no es un cursor emitido por este servidor.
problem-bootstrap-gone = Esta descarga del catálogo ya no se conserva; vuelva a leer /api/v1/sync/bootstrap.
problem-not-generation = No es el nombre de una generación (se esperaba /api/v1/sync/bootstrap/GENERATION/PAGE, como los nombra el índice).
problem-not-page = Una página es un número contado desde 0 (se esperaba /api/v1/sync/bootstrap/GENERATION/PAGE, como los nombra el índice).
problem-copy-holds-every-kind = Una copia del catálogo contiene todos los tipos: omita kind con format=json.
problem-iati-holds-projects = Un archivo IATI contiene proyectos: use kind=projects con format=iati.
problem-unknown-format = `{ $format }` no es un formato que este servidor importe; use format=csv, format=iati o format=json.
problem-import-kind-missing = Indique qué tipo contiene el archivo: kind es uno de { $kinds }.
problem-import-kind-wrong = `{ $kind }` no se puede importar; kind es uno de: { $kinds }.
problem-no-endpoint = No hay ningún punto de acceso de la API en { $path }.
problem-method-not-taken = { $path } no acepta { $method }.
problem-no-such-kind = No hay registros de tipo `{ $kind }` (conocidos: { $known }).
problem-not-record-id = `{ $text }` no es un identificador de registro (un UUID como 0b6f3c3e-5b1a-4c8e-9d59-2f0c1a7e4b10).
problem-body-wrong-shape = El cuerpo de la solicitud no tiene la forma correcta: { $detail }
problem-body-not-json = El cuerpo de la solicitud no es JSON válido: { $detail }
problem-body-not-json-type = Envíe el cuerpo como JSON con `Content-Type: application/json`.
problem-body-unreadable = No se pudo leer el cuerpo de la solicitud: { $detail }
problem-body-too-large = El cuerpo de la solicitud supera los { $max } bytes.
problem-request-not-taken = { $detail }
problem-bad-query = { $detail } (se esperaba { $expected })
problem-no-metrics = No hay nada en /metrics: el servidor se inició sin un token de métricas.
problem-internal = Algo salió mal en el servidor; quedó registrado.

## Archivos que no se pueden importar

problem-csv-empty = El archivo está vacío: no tiene línea de encabezado.
problem-csv-not-text = No es un archivo de texto CSV (quizá sea el formato propio de una hoja de cálculo): guárdelo desde la hoja de cálculo como «CSV UTF-8» y elija ese archivo.
problem-csv-unclosed-quote = La línea { $line } abre una celda entre comillas (") que nunca se cierra, así que el resto del archivo no se puede leer.
problem-csv-too-many-rows = El archivo tiene más de { $limit } filas; divídalo en archivos más pequeños.
problem-not-importable = Los registros de tipo «{ $kind }» no se pueden importar desde un CSV.
problem-no-columns = Ninguna columna de este archivo es un campo de los registros de tipo «{ $kind }»: la línea de encabezado debería nombrar columnas como { $expected }.
problem-same-field-twice = Las columnas «{ $first }» y «{ $second }» son el mismo campo: conserve una de ellas.
problem-not-xml = El archivo no se puede leer como XML en la línea { $line }: { $detail }.
problem-not-copy-json = El archivo no se puede leer como copia del catálogo en la línea { $line }: { $detail }.
problem-xml-doctype = El archivo no se puede leer como XML en la línea { $line }: declara un DOCTYPE, algo que los archivos IATI no hacen; se rechaza en lugar de expandir lo que declara.
problem-xml-entity = El archivo no se puede leer como XML en la línea { $line }: «&{ $entity };» no es una de las entidades propias de XML, y el archivo no puede declarar otras.
problem-xml-cut-short = El archivo no se puede leer como XML en la línea { $line }: termina antes de cerrarse <{ $element }> (puede estar cortado).
problem-iati-no-elements = Este archivo no tiene elementos XML: no es un archivo de actividades IATI.
problem-iati-two-roots = El archivo tiene más de un elemento raíz: no es un archivo de actividades IATI.
problem-iati-organisation-file = Es un archivo de organizaciones IATI: elija un archivo de actividades (<iati-activities>).
problem-iati-other-root = No es un archivo de actividades IATI: empieza por <{ $element }>, no por <iati-activities>.
problem-iati-version = La versión IATI «{ $version }» no se lee: esta importación lee las versiones 2.01 a 2.03.
problem-copy-not-copy = Este archivo JSON no es una copia de un catálogo de Tradewinds: no tiene "format": "tradewinds-catalogue".
problem-copy-newer = Esta copia tiene el formato de la versión { $version }, escrito por una versión más reciente de Tradewinds; esta lee la versión { $read }. Actualice la aplicación y vuelva a leerla.
problem-copy-no-version = Esta copia no indica la versión de su formato ("version").

## Lo que contiene un archivo IATI y no se conserva

problem-iati-note-accountable = { $activity }: se toma { $kept } como responsable; { $others } no se conserva como tal.
problem-iati-note-countries = { $activity }: no se conservan los países receptores que no figuran en la lista del catálogo ({ $codes }).
problem-iati-note-sectors = { $activity }: los sectores { $codes } no son códigos CAD de 5 cifras y no se conservan.
problem-iati-note-currencies = { $activity }: no se suman los presupuestos en monedas distintas de { $currency }.
