# Tradewinds: la interfaz en español.

## Selección de idioma

language = Idioma
language-now = La interfaz está ahora en español.

## Inicio de la aplicación

app-opening = Abriendo el catálogo…
app-opening-slow = Seguimos esperando: si Tradewinds está abierto en otra pestaña o ventana, ciérrela o vuelva a cargarla para que esta pueda terminar de actualizar los datos guardados en este dispositivo.
app-cannot-start = Tradewinds no puede iniciarse
app-storage-failed = No se pudo abrir el almacenamiento del navegador: { $error }.
app-storage-hint = Tradewinds guarda sus datos en este navegador. Salga de la navegación privada, permita los datos de sitios para esta dirección y vuelva a cargar la página.
page-not-found = Página no encontrada
go-to-start = Ir a la página de inicio

## El marco de cada pantalla

skip-to-content = Saltar al contenido
menu = Menú
nav-main = Principal
nav-organisations = Organizaciones
nav-training = Herramientas de capacitación
nav-meetings = Reuniones
nav-actions = Acciones acordadas
nav-missions = Misiones
nav-projects = Proyectos
nav-funding = Financiación
nav-search = Buscar
nav-sync = Sincronización
nav-about = Acerca de
nav-users = Usuarios
understood = Entendido
sign-in-again = Volver a iniciar sesión
update-ready = Hay una nueva versión lista —
update-reload = Recargar
update-data-stays = Sus datos permanecen en este dispositivo.
install = Instalar

## Página de inicio

home-title = Fortalecimiento de capacidades aduaneras en el Caribe
home-search-label = Buscar en todo
home-search-placeholder = Un nombre, un tema, un país…
search-button = Buscar
home-lead = Quién ofrece qué a las administraciones de aduanas de la región: las organizaciones y sus contactos, las herramientas de capacitación que pueden usar los funcionarios, las misiones y los proyectos que financian los donantes, y las reuniones donde acuerdan quién hace qué. Todo funciona en este dispositivo sin conexión y se sincroniza cuando hay una.
home-organisations = { $count ->
    [one] organización
   *[other] organizaciones
}
home-organisations-about = Donantes, proveedores, organismos regionales y administraciones de aduanas
home-training = { $count ->
    [one] herramienta de capacitación
   *[other] herramientas de capacitación
}
home-training-about = Aprendizaje en línea, talleres y guías, por tema e idioma
home-meetings = { $count ->
    [one] reunión
   *[other] reuniones
}
home-meetings-about = Reuniones de coordinación de donantes y videoconferencias, con lo que acordaron
home-actions = { $count ->
    [one] acción acordada
   *[other] acciones acordadas
}
home-actions-about = Quién acordó hacer qué, para cuándo, y si ya está hecho
home-missions = { $count ->
    [one] misión
   *[other] misiones
}
home-missions-about = Misiones de asistencia técnica y sus conclusiones
home-projects = { $count ->
    [one] proyecto
   *[other] proyectos
}
home-projects-about = Quién financia y ejecuta qué, y dónde:
home-overlaps = duplicaciones y vacíos
add-training-tool = Añadir una herramienta de capacitación
add-organisation = Añadir una organización
own-follow-up = { $pending ->
    [0] Ninguna acción pendiente.
    [one] { $overdue ->
        [0] 1 acción pendiente.
       *[other] 1 acción pendiente, y está atrasada.
    }
   *[other] { $overdue ->
        [0] { $pending } acciones pendientes.
        [one] { $pending } acciones pendientes, { $overdue } de ellas atrasada.
       *[other] { $pending } acciones pendientes, { $overdue } de ellas atrasadas.
    }
}
see-its-page = Ver su página

## Listas

list-count-organisations = { $shown } de { $total } { $total ->
    [one] organización
   *[other] organizaciones
}
list-count-training_tools = { $shown } de { $total } { $total ->
    [one] herramienta de capacitación
   *[other] herramientas de capacitación
}
list-count-missions = { $shown } de { $total } { $total ->
    [one] misión
   *[other] misiones
}
list-count-projects = { $shown } de { $total } { $total ->
    [one] proyecto
   *[other] proyectos
}
list-search = Buscar
list-show-more = Mostrar { $count } más
list-not-shown = ({ $count } aún sin mostrar)
download-csv = Descargar en CSV
import-from-spreadsheet = Importar desde una hoja de cálculo
file-not-made = No se pudo crear el archivo: { $error }

## El estado de la sincronización

sync-all-saved = Todos los cambios guardados en el servidor
sync-not-yet = Aún sin sincronizar
sync-waiting-since = { $count ->
    [one] 1 cambio pendiente desde las { $time }
   *[other] { $count } cambios pendientes desde las { $time }
}
sync-waiting = { $count ->
    [one] 1 cambio pendiente
   *[other] { $count } cambios pendientes
}
sync-signed-out = { $count ->
    [0] Sesión cerrada — vuelva a iniciar sesión para sincronizar
    [one] Sesión cerrada — vuelva a iniciar sesión para enviar 1 cambio pendiente
   *[other] Sesión cerrada — vuelva a iniciar sesión para enviar { $count } cambios pendientes
}
sync-last = última sincronización { $time }
sync-loading-of = cargando el catálogo: { $got } de { $total } registros
sync-loading = cargando el catálogo: { $got } registros
sync-syncing = sincronizando…
sync-offline = sin conexión: los cambios se guardan en este dispositivo
sync-problem = problema de sincronización: { $error }
sync-held = { $count ->
    [one] 1 cambio hecho por { $who } no enviado a su nombre — vea Sincronización
   *[other] { $count } cambios hechos por { $who } no enviados a su nombre — vea Sincronización
}
sync-another-person = otra persona
sync-refused = { $count ->
    [one] { $count } rechazado por el servidor — vea Sincronización
   *[other] { $count } rechazados por el servidor — vea Sincronización
}
left-seconds-few = quedan unos segundos
left-seconds = quedan unos { $count } segundos
left-minute = queda un minuto aproximadamente
left-minutes = quedan unos { $count } minutos
left-hour = queda más de una hora

## Inicio de sesión

sign-in = Iniciar sesión
signing-in = Iniciando sesión…
email = Correo electrónico
password = Contraseña
required-mark = {" "}(obligatorio)
sign-in-lead = Tradewinds guarda en este dispositivo el catálogo del fortalecimiento de capacidades aduaneras en el Caribe. Inicie sesión una vez con conexión; después se abre y funciona sin conexión.
sign-in-as-someone-else = Ya ha iniciado sesión. Para trabajar como otra persona, inicie sesión con su cuenta; los cambios aún no enviados quedan a nombre de quien los hizo.
sign-in-session-ended = Su sesión ha terminado. Todo lo que hizo en este dispositivo se conserva; vuelva a iniciar sesión para enviarlo.
sign-in-offline = Para iniciar sesión hace falta conectarse al servidor, y ahora no se puede acceder a él. Inténtelo de nuevo cuando tenga conexión; lo que ya está en este dispositivo se queda aquí.
sign-in-failed = No se pudo iniciar sesión: { $error }
sign-in-enter-email = Escriba el correo electrónico de su cuenta.
sign-in-enter-password = Escriba su contraseña.
sign-in-last-person = la última persona que inició sesión
sign-in-waiting = { $count ->
    [one] 1 cambio hecho en este dispositivo por { $who } espera ser enviado. Se enviará cuando { $who } inicie sesión aquí, nunca a nombre de otra persona.
   *[other] { $count } cambios hechos en este dispositivo por { $who } esperan ser enviados. Se enviarán cuando { $who } inicie sesión aquí, nunca a nombre de otra persona.
}
sign-in-waiting-several = { $count } cambios hechos en este dispositivo por { $who } y otras personas esperan ser enviados. Cada uno se enviará cuando la persona que lo hizo inicie sesión aquí, nunca a nombre de otra.

# Campos, valores codificados, países, idiomas y temas

## Organisations: fields

field-organisations-name = Nombre
field-organisations-acronym = Sigla
field-organisations-iati_identifier = Identificador de organización IATI
field-organisations-category = Categoría
field-organisations-country = País
field-organisations-website = Sitio web
field-organisations-parent = Parte de
field-organisations-status = Estado
field-organisations-successor = Sucesora
field-organisations-languages = Idiomas
field-organisations-memberships = Miembro de
field-organisations-description = Descripción
field-organisations-source = Fuente de estos datos

## Contacts: fields

field-contacts-organisation = Organización
field-contacts-role_title = Cargo
field-contacts-name = Nombre
field-contacts-email = Correo electrónico
field-contacts-phone = Teléfono
field-contacts-language = Idioma
field-contacts-duties = Funciones del punto focal
field-contacts-source = Fuente de estos datos

## Training tools: fields

field-training_tools-title = Título
field-training_tools-provider = Proveedor
field-training_tools-programme = Programa
field-training_tools-format = Formato
field-training_tools-platform = Plataforma
field-training_tools-languages = Idiomas
field-training_tools-duration = Duración
field-training_tools-audience = Público destinatario
field-training_tools-access = Acceso
field-training_tools-certification = Certificación
field-training_tools-cost = Costo
field-training_tools-url = Dirección web
field-training_tools-topics = Temas
field-training_tools-last_verified = Última verificación
field-training_tools-description = Descripción
field-training_tools-source = Fuente de estos datos

## Programmes: fields

field-programmes-name = Nombre
field-programmes-acronym = Sigla
field-programmes-owner = Gestionado por
field-programmes-started = Iniciado en
field-programmes-description = Descripción
field-programmes-source = Fuente de estos datos

## Meetings: fields

field-meetings-title = Título
field-meetings-kind = Tipo de reunión
field-meetings-starts = Primer día
field-meetings-ends = Último día
field-meetings-venue = Lugar
field-meetings-country = País
field-meetings-organiser = Organizada por
field-meetings-chair = Presidencia
field-meetings-attendees = Organizaciones participantes
field-meetings-topics = Temas
field-meetings-summary = Resumen
field-meetings-source = Fuente de estos datos

## Action items: fields

field-action_items-meeting = Acordada en
field-action_items-mission = Recomendada por la misión
field-action_items-text = Acción
field-action_items-owner = Responsable
field-action_items-co_owners = Compartida con
field-action_items-due = Plazo
field-action_items-status = Estado
field-action_items-progress = Avance
field-action_items-source = Fuente de estos datos

## Projects: fields

field-projects-title = Título
field-projects-identifier = Identificador
field-projects-status = Estado
field-projects-starts = Inicio
field-projects-ends = Fin
field-projects-accountable = Organización responsable
field-projects-funders = Financiado por
field-projects-implementers = Ejecutado por
field-projects-countries = Países
field-projects-topics = Temas
field-projects-sectors = Otros sectores del CAD
field-projects-budget = Presupuesto
field-projects-currency = Moneda
field-projects-programme = Programa
field-projects-description = Descripción
field-projects-source = Fuente de estos datos

## Missions: fields

field-missions-title = Título
field-missions-provider = A cargo de
field-missions-beneficiary = Administración beneficiaria
field-missions-country = País
field-missions-project = Proyecto
field-missions-starts = Primer día
field-missions-ends = Último día
field-missions-phase = Fase
field-missions-topics = Temas
field-missions-findings = Conclusiones
field-missions-recommendations = Recomendaciones
field-missions-report_access = Quién puede leer el informe completo
field-missions-report_url = Dónde se guarda el informe
field-missions-source = Fuente de estos datos

## Documents: fields

field-documents-title = Título
field-documents-kind = Tipo
field-documents-url = Dirección web
field-documents-file = Archivo
field-documents-publisher = Publicado por
field-documents-meeting = Reunión
field-documents-mission = Misión
field-documents-project = Proyecto
field-documents-language = Idioma
field-documents-published = Publicado el
field-documents-description = Descripción

## RecordKind

RecordKind-organisation = Organización
RecordKind-contact = Contacto
RecordKind-training_tool = Herramienta de capacitación
RecordKind-programme = Programa
RecordKind-meeting = Reunión
RecordKind-action_item = Acción acordada
RecordKind-project = Proyecto
RecordKind-mission = Misión
RecordKind-document = Documento

## OrgCategory

OrgCategory-donor = Donante
OrgCategory-ta_provider = Proveedor de asistencia técnica
OrgCategory-customs_administration = Administración de aduanas
OrgCategory-regional_body = Organismo regional
OrgCategory-international_organisation = Organización internacional
OrgCategory-academic = Institución académica

## OrgStatus

OrgStatus-active = Activa
OrgStatus-defunct = Disuelta

## ToolFormat

ToolFormat-e_learning = Aprendizaje en línea
ToolFormat-classroom = Presencial
ToolFormat-workshop = Taller
ToolFormat-blended = Mixto
ToolFormat-webinar = Seminario web
ToolFormat-train_the_trainer = Formación de formadores
ToolFormat-guide = Manual o guía

## Audience

Audience-all_staff = Todo el personal
Audience-frontline = Funcionarios de primera línea
Audience-specialist = Especialistas
Audience-management = Directivos
Audience-trainers = Formadores

## AccessRule

AccessRule-open = Abierto a todos
AccessRule-members_only = Solo miembros
AccessRule-national_coordinator = A través del coordinador nacional
AccessRule-formal_request = Previa solicitud formal

## Role

Role-viewer = Lector
Role-office_editor = Editor de una administración
Role-coordinator = Coordinador
Role-admin = Administrador

## DocumentKind

DocumentKind-agenda = Orden del día
DocumentKind-minutes = Acta o informe de reunión
DocumentKind-presentation = Presentación
DocumentKind-mission_report = Informe de misión
DocumentKind-photo = Foto
DocumentKind-other = Otro documento

## MeetingKind

MeetingKind-donor_coordination = Coordinación de donantes
MeetingKind-steering = Comité directivo
MeetingKind-video_conference = Videoconferencia
MeetingKind-workshop = Taller o seminario
MeetingKind-other = Otra reunión

## ActionStatus

ActionStatus-open = Abierta
ActionStatus-in_progress = En curso
ActionStatus-done = Completada
ActionStatus-cancelled = Cancelada

## MissionPhase

MissionPhase-diagnostic = Diagnóstico
MissionPhase-implementation = Ejecución
MissionPhase-monitoring = Seguimiento y monitoreo

## ReportAccess

ReportAccess-public = Público
ReportAccess-participants = Las organizaciones involucradas
ReportAccess-on_request = A solicitud de la administración beneficiaria
ReportAccess-confidential = Confidencial

## ProjectStatus

ProjectStatus-pipeline = En preparación
ProjectStatus-implementation = En ejecución
ProjectStatus-finalisation = Finalización
ProjectStatus-closed = Cerrado
ProjectStatus-cancelled = Cancelado
ProjectStatus-suspended = Suspendido

## Countries and territories

country-AI = Anguila
country-AG = Antigua y Barbuda
country-AW = Aruba
country-BS = Bahamas
country-BB = Barbados
country-BE = Bélgica
country-BZ = Belice
country-BM = Bermudas
country-VG = Islas Vírgenes Británicas
country-CA = Canadá
country-KY = Islas Caimán
country-CO = Colombia
country-CR = Costa Rica
country-CW = Curazao
country-DM = Dominica
country-DO = República Dominicana
country-FR = Francia
country-GD = Granada
country-GT = Guatemala
country-GY = Guyana
country-HT = Haití
country-HN = Honduras
country-JM = Jamaica
country-MX = México
country-MS = Montserrat
country-NL = Países Bajos
country-NI = Nicaragua
country-PA = Panamá
country-KN = San Cristóbal y Nieves
country-LC = Santa Lucía
country-VC = San Vicente y las Granadinas
country-SX = Sint Maarten
country-ES = España
country-SR = Surinam
country-TT = Trinidad y Tobago
country-TC = Islas Turcas y Caicos
country-GB = Reino Unido
country-US = Estados Unidos
country-VE = Venezuela

## Languages of records

language-en = Inglés
language-fr = Francés
language-es = Español
language-nl = Neerlandés
language-pt = Portugués
language-ht = Criollo haitiano

## Topics

topic-risk_management = Gestión de riesgos
topic-strategic_planning = Planificación estratégica
topic-integrity = Integridad y transparencia
topic-valuation = Valoración, clasificación arancelaria y origen
topic-post_clearance_audit = Auditoría posterior al despacho
topic-enforcement = Control e inteligencia
topic-small_vessels = Despacho de embarcaciones menores
topic-leadership = Liderazgo y gestión
topic-it_automation = Informática y automatización
topic-legislation = Legislación
topic-revenue = Administración de ingresos
topic-trade_facilitation = Facilitación del comercio

regional-international = Regional / internacional

## Organizaciones

org-search-placeholder = Nombre, sigla, país…
all-categories = Todas las categorías
all-countries = Todos los países
active-and-defunct = Activas y disueltas
row-defunct = disuelta
needs-review = por revisar
source-is = Fuente: { $source }
org-new-refused = Solo los coordinadores regionales y los administradores añaden organizaciones: su cuenta no puede guardar este formulario.
none-option = (ninguna)
hint-website = Dirección completa, por ejemplo https://www.cartac.org
hint-iati-organisation = Tal como lo indican los archivos IATI, por ejemplo XM-DAC-41114; el registro de organizaciones de IATI los enumera. Las importaciones IATI identifican las organizaciones por este dato
hint-memberships = Separe con comas, por ejemplo CARTAC, CCLEC

## Herramientas de capacitación

tool-search-placeholder = Título, tema, proveedor…
all-formats = Todos los formatos
language-filter = Idioma
all-languages = Todos los idiomas
topic-filter = Tema
all-topics = Todos los temas
all-providers = Todos los proveedores
read-only-refused = Su cuenta puede consultar el catálogo, pero no añadir nada.
choose-organisation = Elija una organización
hint-day = AAAA-MM-DD

## La página Sincronización

sync-now = Sincronizar ahora
needs-attention = Requiere atención
nothing-refused = Nada: el servidor aceptó todos los cambios enviados desde este dispositivo.
waiting-to-be-sent = Pendientes de envío
no-changes-waiting = No hay cambios pendientes.
not-discarded = No se descartaron: { $error }
held-title = Cambios de { $who }
held-explained = { $count ->
    [one] 1 cambio hecho en este dispositivo por { $who } nunca se envió. No se envía a su nombre. { $who } puede iniciar sesión en este dispositivo para enviarlo; o puede descartarlo (se pierde).
   *[other] { $count } cambios hechos en este dispositivo por { $who } nunca se enviaron. No se envían a su nombre. { $who } puede iniciar sesión en este dispositivo para enviarlos; o puede descartarlos (se pierden).
}
sign-in-as = Iniciar sesión como { $who }
discard-held = { $count ->
    [one] Descartar el cambio de { $who }
   *[other] Descartar los { $count } cambios de { $who }
}
made-by-at = hecho por { $who } el { $time }
made-at = hecho el { $time }
open = Abrir
still-not-valid = Sigue sin ser válido: { $error }. Abra el registro para corregirlo.
open-the-record = Abrir el registro
send-again = Enviar de nuevo
discard-this-change = Descartar este cambio
edited-in-two-places = Editado en dos lugares
no-conflicts = No hay conflictos.
untitled = (sin título)
choose-value-to-keep = «{ $field }» se cambió en dos lugares. Elija el valor que desea conservar:
device-named = dispositivo { $device }
keep-this = Conservar este

## Otras listas y formularios

filter-country = País
filter-kind = Tipo
filter-organisation = Organización
filter-status = Estado
filter-phase = Fase
all-statuses = Todos los estados
all-kinds = Todos los tipos
all-phases = Todas las fases
choose-option = (elegir)
not-set = (sin indicar)
add-meeting = Añadir una reunión
meeting-search-placeholder = Título, lugar, tema, organizador…
any-organiser-or-participant = Cualquier organizador o participante
meeting-new-refused = Su cuenta no puede añadir reuniones (lector): este formulario no se puede guardar.
none-online-or-regional = (ninguno: en línea o regional)
action-search-placeholder = Acción, responsable, reunión, misión…
any-owner = Cualquier responsable
choose-owner = (elija la organización responsable)
add-mission = Añadir una misión
mission-search-placeholder = Título, conclusión, país…
any-provider-or-beneficiary = Cualquier proveedor o beneficiario
mission-new-refused = Su cuenta no puede añadir misiones (lector): este formulario no se puede guardar.
add-project = Añadir un proyecto
project-search-placeholder = Título, identificador, donante, país…
any-funder-or-implementer = Cualquier donante o ejecutor
project-new-refused = Su cuenta no puede añadir proyectos (lector): este formulario no se puede guardar.

## Su cuenta

your-account = Su cuenta
name = Nombre
role = Función
not-given = (no indicado)
account-session-ended = Su sesión ha terminado. Su trabajo en este dispositivo se conserva.
to-send-it = para enviarlo.
session-ended-first = Su sesión ha terminado: primero vuelva a iniciar sesión.
needs-connection = { $doing }: esta operación necesita conexión con el servidor, y ahora no se puede acceder a él. Inténtelo de nuevo cuando tenga conexión.
signing-out-everywhere = Cerrar sesión en todas partes
sign-out = Cerrar sesión
sign-out-everywhere = Cerrar sesión en todas partes
not-yet-sent = { $count ->
    [one] 1 cambio aún no se ha enviado al servidor. Se queda en este dispositivo y se enviará cuando vuelva a iniciar sesión aquí.
   *[other] { $count } cambios aún no se han enviado al servidor. Se quedan en este dispositivo y se enviarán cuando vuelva a iniciar sesión aquí.
}
sign-out-everywhere-hint = «Cerrar sesión en todas partes» termina sus sesiones en todos los dispositivos, y los archivos de cambios guardados en ellos dejan de aceptarse: por ejemplo, tras perder un portátil.
enter-current-password = Escriba su contraseña actual.
changing-the-password = Cambiar la contraseña
change-your-password = Cambiar su contraseña
current-password = Contraseña actual
new-password = Contraseña nueva
at-least-10 = Al menos 10 caracteres
password-changed = Contraseña cambiada. Sus otras sesiones se han cerrado.
change-password = Cambiar la contraseña
adding-a-user = Añadir un usuario
changing-an-account = Modificar una cuenta

## Registros, búsqueda e historial

loading = Cargando…
could-not-read = No se pudo leer el catálogo: { $error }
record-not-found = { $what } no encontrado
may-have-been-deleted = Puede que se haya eliminado o que aún no se haya sincronizado con este dispositivo.
back-to-the-list = Volver a la lista
edit-named = Editar { $name }
edit = Editar
edited-at-once = Editado en dos lugares a la vez: { $fields }.
review-on-sync = Revisar en la página Sincronización
search-everything-here = Buscar en todo lo que hay en este dispositivo
search-placeholder = Un nombre, un tema, un país, una conclusión…
search-intro = Organizaciones, contactos, herramientas de capacitación, reuniones, acciones acordadas, misiones, proyectos y documentos.
search-results = { $count ->
    [0] No se encontró nada. Pruebe con menos palabras o palabras más cortas.
    [one] 1 resultado
   *[other] { $count } resultados{ $more ->
        [yes] ; se muestran los { $shown } mejores
       *[no] {""}
    }
}
history = Historial
loading-history = Cargando el historial…
history-when-online = El historial se muestra con conexión.
history-when-signed-in = El historial se muestra cuando ha iniciado sesión y tiene conexión.
history-failed = No se pudo cargar el historial: { $error }
no-changes-recorded = No hay cambios registrados.

## Acerca de este dispositivo

about-this-device = Acerca de este dispositivo
version = Versión
megabytes = { $mb } MB
stored-on-device = Guardado en este dispositivo
storage-of = { $used } de { $quota } disponibles para este sitio
browser-does-not-say = Este navegador no lo indica.
kept-when-low = Se conserva si falta espacio
kept-yes = Sí: el navegador no borrará por sí mismo los datos de Tradewinds.
kept-not-guaranteed = No garantizado: el navegador puede borrarlos si el dispositivo se queda sin espacio. Los cambios aún no sincronizados se perderían.
ask-to-keep = Pedir al navegador que conserve los datos de Tradewinds
granted = Concedido.
not-granted = No concedido. Instalar la aplicación, o usarla con regularidad, suele hacer que el navegador acepte.
catalogue-copy = Una copia del catálogo
catalogue-copy-about = Todos los registros de este dispositivo, de todo tipo, en un solo archivo para guardar: se vuelve a leer aquí o en otro dispositivo, y la copia de un dispositivo sincronizado es igual a la del servidor.
download-copy = Descargar una copia del catálogo
read-copy-back = Volver a leer una copia
copy-saved = { $count ->
    [one] Guardado: { $count } registro.
   *[other] Guardado: { $count } registros.
}
copy-not-saved = No se pudo guardar la copia: { $error }

## Comunicación con el servidor

call-offline = no se puede contactar con el servidor
call-signed-out = sesión cerrada: vuelva a iniciar sesión
call-server-forgot = el servidor ha perdido cambios que había aceptado de este dispositivo (¿restaurado desde una copia de seguridad?)
call-server-reset = el servidor se restauró desde una copia de seguridad o se sustituyó; sus datos se están cargando de nuevo
call-device-taken = el identificador de dispositivo de este navegador pertenece a otra cuenta
call-server-problem = el servidor tuvo un problema (HTTP { $status }); se volverá a intentar
call-bad-answer = no se pudo leer la respuesta del servidor: { $error }
call-storage-failed = falló el almacenamiento de este navegador: { $error }
server-refused-http = El servidor rechazó la solicitud (HTTP { $status }).

## Formularios y eliminación de un registro

save = Guardar
cancel = Cancelar
correct-fields = { $count ->
    [one] Corrija el campo señalado abajo.
   *[other] Corrija los { $count } campos señalados abajo.
}
sign-in-to-save = Inicie sesión para guardar los cambios.
not-saved-still-in-form = No se guardó: { $error }. Lo que escribió sigue en el formulario.
not-saved-free-space = No se guardó: { $error }. Lo que escribió sigue en el formulario; libere espacio en el dispositivo y vuelva a intentarlo.
edit-removed-meanwhile = este registro se eliminó (en este u otro dispositivo) mientras lo editaba
edit-written-here = otra pestaña de este navegador guardó algunos de estos campos mientras tanto
remove-this = Eliminar este registro ({ $kind })
remove-this-ask = ¿Eliminar este registro ({ $kind })? { $keeps }Desaparecerá de las listas de todos los dispositivos tras sincronizarse.
yes-remove = Sí, eliminarlo
keep-it = Conservarlo
sign-in-to-remove = Inicie sesión para eliminarlo.
not-removed = No se eliminó: { $error }
screen-not-loaded = No se pudo cargar esta pantalla ({ $error }). Vuelva a abrirla cuando tenga conexión.
sync-code-not-loaded = no se pudo cargar el código de sincronización ({ $error }); se vuelve a intentar

## El almacenamiento de este navegador

db-failed = falló la base de datos del navegador: { $error }
db-unreadable = no se pudieron leer los datos guardados: { $error }
db-unstorable = no se pudieron poner los datos en una forma que se pueda guardar: { $error }
db-unavailable = este navegador no tiene almacenamiento utilizable (¿navegación privada o almacenamiento desactivado?)
held-on-sign-in = { $count ->
    [one] Este navegador contiene 1 cambio hecho por { $who } que nunca se envió. No se envía con su nombre: { $who } puede iniciar sesión aquí para enviarlo, o usted puede descartarlo en la página Sincronización.
   *[other] Este navegador contiene { $count } cambios hechos por { $who } que nunca se enviaron. No se envían con su nombre: { $who } puede iniciar sesión aquí para enviarlos, o usted puede descartarlos en la página Sincronización.
}

## Fechas

date-day-month = { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
date-day = { $daymonth } de { $year }
date-month = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
date-quarter = { $quarter }.º trimestre de { $year }
date-to-be-decided = Por decidir
dates-in-month = { $first }–{ $last }
dates-in-year = { $first } – { $last }
dates-apart = { $first } – { $last }

## Spreadsheets (CSV): the columns a list's download adds to its fields, and its words
csv-overdue = Vencida
csv-from = Origen
csv-dac-sectors = Sectores CAD
csv-country = País
csv-overlap = SUPERPOSICIÓN: { $funders }

## The installed app's name and description (its web app manifest)
manifest-name = Tradewinds — fortalecimiento de capacidades aduaneras en el Caribe
manifest-description = Quién ofrece qué a las administraciones de aduanas del Caribe: organizaciones, contactos, herramientas de capacitación, proyectos, misiones y reuniones. Funciona sin conexión y se sincroniza solo.

## Values as history and forms show them
value-empty = (vacío)
value-deleted = eliminado
value-restored = restaurado
value-yes = sí
value-no = no
value-not-on-device = un registro que no está en este dispositivo ({ $id })
form-written-here = Aún no se ha guardado: mientras este formulario estaba abierto, otra pestaña de este navegador guardó { $fields }. Guarde de nuevo para reemplazarlo por lo que contiene este formulario.
form-field-as = { $field } como «{ $value }»
value-line = Línea { $line }
value-column = columna { $number }
