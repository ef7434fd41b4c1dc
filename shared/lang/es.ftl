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
