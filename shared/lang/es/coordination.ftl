# Meetings, their action items, missions, documents and contacts.

## Reuniones

meeting-count = { $shown } de { $total } { $total ->
    [one] reunión
   *[other] reuniones
}
meeting-to-do = { $count ->
    [one] { $count } acción pendiente
   *[other] { $count } acciones pendientes
}
meeting-remove-keeps = Sus acciones acordadas y sus documentos se conservan, pero ya sin vínculo con ella.
meeting-dates = Fechas
meeting-place = Lugar
meeting-hint-ends = Déjelo vacío si la reunión dura un solo día
meeting-hint-venue = Por ejemplo, oficina del CARTAC, Bridgetown; o Videoconferencia
meeting-hint-chair = Tal como la designan las fuentes, por ejemplo Vicepresidencia de la OMA para las Américas y el Caribe

## Acciones acordadas

action-still-to-do = Pendientes
action-overdue-only = Solo las atrasadas
action-count = { $shown } de { $total } { $total ->
    [one] acción acordada
   *[other] acciones acordadas
}{ $late ->
    [0] {""}
    [one] {" · "}{ $late } atrasada en total
   *[other] {" · "}{ $late } atrasadas en total
}
action-org-not-here = una organización que no está en este dispositivo
action-intro-meeting = Acordadas en esta reunión.
action-intro-mission = Recomendadas por esta misión.
action-intro-organisation = A cargo de esta organización o compartidas con ella.
action-none-recorded = No hay acciones acordadas registradas.
action-add = Añadir una acción acordada
action-new = Nueva acción acordada
action-status-overdue = { $status } · atrasada
action-due = plazo: { $due }
action-owner-with = { $owner } con { $others }
action-mark-done = Marcar como completada
action-remove = Eliminar
action-not-marked-done = No se marcó como completada: { $error }
action-not-removed = No se eliminó: { $error }
action-hint-due = Un día (2013-04-30), un mes (2013-04) o un trimestre (2013-Q2); vacío mientras no se decida
action-shared-summary = Compartida con otras organizaciones
action-save = Guardar la acción
action-cancel = Cancelar

## Misiones

mission-remove-keeps = Las acciones acordadas que recomendó y sus documentos se conservan, pero ya sin vínculo con ella.
mission-dates = Fechas
mission-full-report = Informe completo
mission-report-where = dónde se guarda
mission-not-recorded = Aún no se ha registrado nada.
mission-overlaps-title = Otros proveedores presentes al mismo tiempo
mission-overlaps-intro = Misiones de otros proveedores en el mismo país, sobre el mismo tema, en fechas que se superponen:
mission-role-provided = prestada
mission-role-received = recibida
mission-none-recorded = No hay misiones registradas.
mission-hint-title = Por ejemplo, Diagnóstico de auditoría posterior al despacho
mission-hint-report-url = Dirección completa, si está en línea

## Documentos de una reunión, una misión o un proyecto

document-section = Documentos
document-none-linked = Aún no hay documentos vinculados.
document-link = Añadir un documento
document-new = Nuevo documento
document-not-removed = No se eliminó: { $error }
document-remove = Eliminar
document-hint-url = Dónde se publica, por ejemplo https://www.cartac.org/… Déjelo vacío si adjunta el archivo.
document-save = Guardar el documento
document-cancel = Cancelar
document-file-attach = Adjuntar un archivo
document-file-hint = PDF, documentos de oficina, imágenes o texto, hasta { $max } MB. Se guarda en este dispositivo y se envía en cuanto haya conexión.
document-file-reading = Leyendo el archivo…
document-file-chosen = { $name } · { $size }
document-file-remove = Quitar el archivo
document-photo-longest = Lado mayor
document-photo-as-taken = Tal como se tomó ({ $width } × { $height } px)
document-photo-pixels = { $px } px
document-photo-quality = Calidad
document-photo-quality-high = Alta
document-photo-quality-medium = Media
document-photo-quality-low = Baja
document-photo-sizes = { $before } tal como se tomó, { $after } para enviar
document-file-open = Abrir
document-file-keep = Guardar en este dispositivo
document-file-kept = Guardado en este dispositivo
document-file-unkeep = No guardar
document-file-keep-all = Guardar todos estos archivos en este dispositivo
document-file-waiting = Pendiente de envío
document-file-sending = Enviando: { $done } de { $size }
document-file-fetching = Descargando: { $done } de { $size }
document-file-refused = El servidor no aceptó este archivo: { $reason }
document-file-failed = No se hizo: { $error }
sync-files-waiting = Archivos pendientes de envío
kilobytes = { $kb } KB

## Contactos de una organización

contact-section = Contactos
contact-none-recorded = Aún no hay contactos registrados.
contact-add = Añadir un contacto
contact-new = Nuevo contacto
contact-not-removed = No se eliminó: { $error }
contact-remove = Eliminar
contact-hint-role = Tal como las fuentes designan el cargo, por ejemplo Contralor de Aduanas
contact-save = Guardar el contacto
contact-cancel = Cancelar
contact-download-csv = Descargar sus contactos en CSV
contact-import = Importar contactos desde una hoja de cálculo
