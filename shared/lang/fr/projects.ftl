# Projects, the funding view and the IATI export.

## Projets : la liste

project-live-option = Prévu ou en cours
project-no-country = aucun pays indiqué
project-funding-link = Qui finance quoi, et où : chevauchements et lacunes
project-funded-by = financé par { $funders }
project-from-year = à partir de { $year }
project-until-year = jusqu'en { $year }
project-from = à partir du { $date }
project-until = jusqu'au { $date }
project-from-to = du { $start } au { $end }

## Projets : la page d'une organisation

project-role-funds = finance
project-role-accountable = responsable
project-role-implements = met en œuvre
project-none-recorded = Aucun projet enregistré.

## Projets : la page d'un projet

project-remove-keeps = Les missions qui en relevaient sont conservées, détachées du projet.
project-topic-dac = { $topic } (CAD { $code })
project-dates = Dates
project-possible-duplication = Double emploi possible
project-no-overlap = Aucun autre projet prévu ou en cours, financé par d'autres bailleurs de fonds, ne porte sur le même thème dans le même pays à la même période.
project-overlaps-intro = D'autres bailleurs de fonds interviennent sur le même thème dans le même pays à la même période :

## Projets : le formulaire

project-hint-identifier = L'identifiant d'activité IITA, s'il en a un
project-hint-ends = Laissez vide tant qu'il n'est pas terminé
project-hint-sectors = Codes-objet du CAD à 5 chiffres qu'aucun thème ci-dessus ne couvre, par exemple 43010, séparés par des virgules
project-hint-budget = Un nombre entier, par exemple 1250000
project-hint-currency = Code ISO : USD, CAD, GBP, EUR…
project-budget-invalid = Saisissez le budget sous forme de nombre entier, par exemple 1250000 ou 1 250 000.
project-may-be-recorded = Ce projet est peut-être déjà enregistré : { $projects }. Vérifiez avant d'en enregistrer un doublon.

## Projets : l'export IITA

iati-download = Télécharger en XML IITA…
iati-about = Les projets affichés, en XML d'activités IITA 2.03 pour le Registre de l'IITA et d-portal, publiés au nom de :
iati-reporting-organisation = Organisation déclarante
iati-choose = Choisir…
iati-identifier = Son identifiant d'organisation IITA
iati-kind = Type d'organisation
iati-download-button = Télécharger le XML IITA
iati-written = { $count ->
    [one] { $count } projet écrit sous forme d'activité IITA.
   *[other] { $count } projets écrits sous forme d'activités IITA.
}

## Types d'organisation de l'IITA (liste de codes OrganisationType)

iati-organisation-type-10 = Gouvernement
iati-organisation-type-15 = Autre secteur public
iati-organisation-type-21 = ONG internationale
iati-organisation-type-23 = ONG régionale
iati-organisation-type-40 = Multilatéral
iati-organisation-type-60 = Fondation
iati-organisation-type-70 = Secteur privé
iati-organisation-type-80 = Universitaire, formation et recherche
iati-organisation-type-90 = Autre

## Qui finance quoi, et où

funding-title = Qui finance quoi, et où
funding-lead = Projets prévus ou en cours, par pays et par thème. Une case signalée indique un double emploi possible : des projets de bailleurs de fonds différents sur le même thème, dans le même pays, à la même période. Une case vide est une lacune qu'aucun projet ne couvre.
funding-empty = Aucun projet prévu ou en cours n'est encore enregistré. { $add } pour voir qui finance quoi, et où.
funding-empty-add = Ajoutez un projet
funding-summary = { $live ->
    [one] { $live } projet prévu ou en cours
   *[other] { $live } projets prévus ou en cours
} · { $overlaps ->
    [one] { $overlaps } double emploi possible
   *[other] { $overlaps } doubles emplois possibles
} · { $uncovered ->
    [one] { $uncovered } pays affiché sur { $countries } sans projet prévu ou en cours
   *[other] { $uncovered } pays affichés sur { $countries } sans projet prévu ou en cours
}
funding-table = Bailleurs de fonds par pays et par thème
funding-caption = Bailleurs de fonds des projets prévus ou en cours, par pays (lignes) et par thème (colonnes)
funding-gap = aucun
funding-cell = { $count ->
    [one] { $country }, { $topic } : { $count } projet
   *[other] { $country }, { $topic } : { $count } projets
}
funding-overlap = Chevauchement :
funding-no-overlap = Aucun : pas de projets prévus ou en cours de bailleurs de fonds différents qui partagent à la fois un pays, un thème et une période.
funding-pair = { $first } et { $second }
