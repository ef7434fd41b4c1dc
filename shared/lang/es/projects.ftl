# Projects, the funding view and the IATI export.

## Proyectos: la lista

project-live-option = Previsto o en curso
project-no-country = ningún país indicado
project-funding-link = Quién financia qué, y dónde: duplicaciones y vacíos
project-funded-by = financiado por { $funders }
project-from-year = desde { $year }
project-until-year = hasta { $year }
project-from = desde el { $date }
project-until = hasta el { $date }
project-from-to = del { $start } al { $end }

## Proyectos: la página de una organización

project-role-funds = financia
project-role-accountable = responsable
project-role-implements = ejecuta
project-none-recorded = Ningún proyecto registrado.

## Proyectos: la página de un proyecto

project-remove-keeps = Las misiones que formaban parte de él se conservan, desvinculadas del proyecto.
project-topic-dac = { $topic } (CAD { $code })
project-dates = Fechas
project-possible-duplication = Posible duplicación
project-no-overlap = Ningún otro proyecto previsto o en curso, financiado por otros donantes, trata el mismo tema en el mismo país durante el mismo período.
project-overlaps-intro = Otros donantes trabajan en el mismo tema, en el mismo país y durante el mismo período:

## Proyectos: el formulario

project-hint-identifier = El identificador de actividad IATI, si lo tiene
project-hint-ends = Déjelo vacío mientras siga abierto
project-hint-sectors = Códigos de propósito del CAD de 5 dígitos que ningún tema anterior cubre, por ejemplo 43010, separados por comas
project-hint-budget = Un número entero, por ejemplo 1250000
project-hint-currency = Código ISO: USD, CAD, GBP, EUR…
project-budget-invalid = Introduzca el presupuesto como número entero, por ejemplo 1250000 o 1 250 000.
project-may-be-recorded = Es posible que este proyecto ya esté registrado: { $projects }. Compruébelo antes de guardar una segunda copia.

## Proyectos: la exportación IATI

iati-download = Descargar en XML IATI…
iati-about = Los proyectos mostrados, en XML de actividades IATI 2.03 para el Registro IATI y d-portal, publicados en nombre de:
iati-reporting-organisation = Organización informante
iati-choose = Elegir…
iati-identifier = Su identificador de organización IATI
iati-kind = Tipo de organización
iati-download-button = Descargar el XML IATI
iati-written = { $count ->
    [one] { $count } proyecto escrito como actividad IATI.
   *[other] { $count } proyectos escritos como actividades IATI.
}

## Tipos de organización IATI (lista de códigos OrganisationType)

iati-organisation-type-10 = Gobierno
iati-organisation-type-15 = Otro sector público
iati-organisation-type-21 = ONG internacional
iati-organisation-type-23 = ONG regional
iati-organisation-type-40 = Multilateral
iati-organisation-type-60 = Fundación
iati-organisation-type-70 = Sector privado
iati-organisation-type-80 = Académico, formación e investigación
iati-organisation-type-90 = Otro

## Quién financia qué, y dónde

funding-title = Quién financia qué, y dónde
funding-lead = Proyectos previstos o en curso, por país y tema. Una celda marcada señala una posible duplicación: proyectos de donantes distintos sobre el mismo tema, en el mismo país y durante el mismo período. Una celda vacía es un vacío que ningún proyecto cubre.
funding-empty = Todavía no hay ningún proyecto previsto o en curso registrado. { $add } para ver quién financia qué, y dónde.
funding-empty-add = Añada un proyecto
funding-summary = { $live ->
    [one] { $live } proyecto previsto o en curso
   *[other] { $live } proyectos previstos o en curso
} · { $overlaps ->
    [one] { $overlaps } posible duplicación
   *[other] { $overlaps } posibles duplicaciones
} · { $uncovered } de { $countries } países mostrados sin proyecto previsto o en curso
funding-table = Donantes por país y tema
funding-caption = Donantes de los proyectos previstos o en curso, por país (filas) y tema (columnas)
funding-gap = ninguno
funding-cell = { $count ->
    [one] { $count } proyecto en { $country } sobre { $topic }
   *[other] { $count } proyectos en { $country } sobre { $topic }
}
funding-overlap = Solapamiento:
funding-no-overlap = Ninguna: no hay dos proyectos previstos o en curso de donantes distintos que compartan país, tema y período.
funding-pair = { $first } y { $second }
