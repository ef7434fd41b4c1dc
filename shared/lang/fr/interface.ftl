# Tradewinds : l'interface en français.

## Choix de la langue

language = Langue
language-now = L'interface est maintenant en français.

## Démarrage

app-opening = Ouverture du catalogue…
app-opening-slow = Toujours en attente : si Tradewinds est ouvert dans un autre onglet ou une autre fenêtre, fermez-le ou rechargez-le pour que celui-ci puisse terminer la mise à jour des données conservées sur cet appareil.
app-cannot-start = Tradewinds ne peut pas démarrer
app-storage-failed = Le stockage du navigateur n'a pas pu être ouvert : { $error }.
app-storage-hint = Tradewinds conserve ses données dans ce navigateur. Quittez la navigation privée, autorisez les données de site pour cette adresse, puis rechargez la page.
page-not-found = Page introuvable
go-to-start = Aller à la page d'accueil

## Le cadre de chaque écran

skip-to-content = Aller au contenu
menu = Menu
nav-main = Principal
nav-organisations = Organisations
nav-training = Outils de formation
nav-meetings = Réunions
nav-actions = Actions à mener
nav-missions = Missions
nav-projects = Projets
nav-funding = Financements
nav-search = Recherche
nav-sync = Synchronisation
nav-about = À propos
nav-users = Utilisateurs
understood = Compris
sign-in-again = Se reconnecter
update-ready = Une nouvelle version est prête —
update-reload = Recharger
update-data-stays = Vos données restent sur cet appareil.
install = Installer

## Page d'accueil

home-title = Renforcement des capacités douanières dans les Caraïbes
home-search-label = Tout rechercher
home-search-placeholder = Un nom, un thème, un pays…
search-button = Rechercher
home-lead = Qui offre quoi aux administrations des douanes de la région : les organisations et leurs contacts, les outils de formation à la disposition des agents, les missions et projets financés par les bailleurs de fonds, et les réunions où ils conviennent de qui fait quoi. Tout fonctionne sur cet appareil sans connexion et se synchronise dès qu'une connexion apparaît.
home-organisations = { $count ->
    [one] organisation
   *[other] organisations
}
home-organisations-about = Bailleurs de fonds, prestataires, organismes régionaux et administrations des douanes
home-training = { $count ->
    [one] outil de formation
   *[other] outils de formation
}
home-training-about = Formation en ligne, ateliers et guides, par thème et par langue
home-meetings = { $count ->
    [one] réunion
   *[other] réunions
}
home-meetings-about = Réunions de coordination des bailleurs et visioconférences, avec ce qui y a été convenu
home-actions = { $count ->
    [one] action à mener
   *[other] actions à mener
}
home-actions-about = Qui s'est engagé à faire quoi, pour quand, et si c'est fait
home-missions = { $count ->
    [one] mission
   *[other] missions
}
home-missions-about = Missions d'assistance technique et leurs constats
home-projects = { $count ->
    [one] projet
   *[other] projets
}
home-projects-about = Qui finance et met en œuvre quoi, et où :
home-overlaps = chevauchements et lacunes
add-training-tool = Ajouter un outil de formation
add-organisation = Ajouter une organisation
own-follow-up = { $pending ->
    [0] Aucune action à mener.
    [one] { $overdue ->
        [0] 1 action à mener.
       *[other] 1 action à mener, et elle est en retard.
    }
   *[other] { $overdue ->
        [0] { $pending } actions à mener.
        [one] { $pending } actions à mener, dont { $overdue } en retard.
       *[other] { $pending } actions à mener, dont { $overdue } en retard.
    }
}
see-its-page = Voir sa page

## Listes

list-count-organisations = { $shown } sur { $total } { $total ->
    [one] organisation
   *[other] organisations
}
list-count-training_tools = { $shown } sur { $total } { $total ->
    [one] outil de formation
   *[other] outils de formation
}
list-count-missions = { $shown } sur { $total } { $total ->
    [one] mission
   *[other] missions
}
list-count-projects = { $shown } sur { $total } { $total ->
    [one] projet
   *[other] projets
}
list-search = Rechercher
list-show-more = Afficher { $count } de plus
list-not-shown = ({ $count } pas encore affichés)
download-csv = Télécharger en CSV
import-from-spreadsheet = Importer depuis un tableur
file-not-made = Le fichier n'a pas pu être créé : { $error }

## L'état de la synchronisation

sync-all-saved = Toutes les modifications sont enregistrées sur le serveur
sync-not-yet = Pas encore synchronisé
sync-waiting-since = { $count ->
    [one] { $count } modification en attente depuis { $time }
   *[other] { $count } modifications en attente depuis { $time }
}
sync-waiting = { $count ->
    [one] { $count } modification en attente
   *[other] { $count } modifications en attente
}
sync-signed-out = { $count ->
    [0] Déconnecté — reconnectez-vous pour synchroniser
    [1] Déconnecté — reconnectez-vous pour envoyer 1 modification en attente
   *[other] Déconnecté — reconnectez-vous pour envoyer { $count } modifications en attente
}
sync-last = dernière synchronisation { $time }
sync-loading-of = chargement du catalogue : { $got } enregistrements sur { $total }
sync-loading = chargement du catalogue : { $got } enregistrements
sync-syncing = synchronisation…
sync-offline = hors ligne : les modifications sont conservées sur cet appareil
sync-problem = problème de synchronisation : { $error }
sync-held = { $count ->
    [one] { $count } modification faite par { $who } non envoyée sous votre nom — voir Synchronisation
   *[other] { $count } modifications faites par { $who } non envoyées sous votre nom — voir Synchronisation
}
sync-another-person = une autre personne
sync-refused = { $count ->
    [one] { $count } refusée par le serveur — voir Synchronisation
   *[other] { $count } refusées par le serveur — voir Synchronisation
}
left-seconds-few = encore quelques secondes
left-seconds = encore environ { $count } secondes
left-minute = encore environ une minute
left-minutes = encore environ { $count } minutes
left-hour = encore plus d'une heure

## Connexion

sign-in = Se connecter
signing-in = Connexion…
email = Adresse électronique
password = Mot de passe
required-mark = {" "}(obligatoire)
sign-in-lead = Tradewinds conserve sur cet appareil le catalogue du renforcement des capacités douanières dans les Caraïbes. Connectez-vous une fois en ligne ; ensuite, il s'ouvre et fonctionne sans connexion.
sign-in-as-someone-else = Vous êtes connecté. Pour travailler sous le nom d'une autre personne, connectez-vous avec son compte ; les modifications pas encore envoyées restent à la personne qui les a faites.
sign-in-session-ended = Votre session a pris fin. Tout ce que vous avez fait sur cet appareil est conservé ; reconnectez-vous pour l'envoyer.
sign-in-offline = La connexion nécessite d'atteindre le serveur, qui est injoignable pour le moment. Réessayez une fois en ligne ; tout ce qui est déjà sur cet appareil y reste.
sign-in-failed = La connexion n'a pas abouti : { $error }
sign-in-enter-email = Saisissez l'adresse électronique de votre compte.
sign-in-enter-password = Saisissez votre mot de passe.
sign-in-last-person = la dernière personne connectée
sign-in-waiting = { $count ->
    [one] 1 modification faite sur cet appareil par { $who } attend d'être envoyée. Elle sera envoyée quand { $who } se connectera ici, jamais sous un autre nom.
   *[other] { $count } modifications faites sur cet appareil par { $who } attendent d'être envoyées. Elles seront envoyées quand { $who } se connectera ici, jamais sous un autre nom.
}
sign-in-waiting-several = { $count } modifications faites sur cet appareil par { $who } et d'autres personnes attendent d'être envoyées. Chacune sera envoyée quand la personne qui l'a faite se connectera ici, jamais sous un autre nom.

# Champs, valeurs codées, pays, langues et thèmes

## Organisations: fields

field-organisations-name = Nom
field-organisations-acronym = Sigle
field-organisations-iati_identifier = Identifiant d'organisation IITA
field-organisations-category = Catégorie
field-organisations-country = Pays
field-organisations-website = Site web
field-organisations-parent = Fait partie de
field-organisations-status = Statut
field-organisations-successor = Successeur
field-organisations-languages = Langues
field-organisations-memberships = Membre de
field-organisations-description = Description
field-organisations-source = Source de ces informations

## Contacts: fields

field-contacts-organisation = Organisation
field-contacts-role_title = Fonction
field-contacts-name = Nom
field-contacts-email = Courriel
field-contacts-phone = Téléphone
field-contacts-language = Langue
field-contacts-duties = Missions du point focal
field-contacts-source = Source de ces informations

## Training tools: fields

field-training_tools-title = Titre
field-training_tools-provider = Prestataire
field-training_tools-programme = Programme
field-training_tools-format = Format
field-training_tools-platform = Plateforme
field-training_tools-languages = Langues
field-training_tools-duration = Durée
field-training_tools-audience = Public visé
field-training_tools-access = Accès
field-training_tools-certification = Certification
field-training_tools-cost = Coût
field-training_tools-url = Adresse web
field-training_tools-topics = Thèmes
field-training_tools-last_verified = Dernière vérification
field-training_tools-description = Description
field-training_tools-source = Source de ces informations

## Programmes: fields

field-programmes-name = Nom
field-programmes-acronym = Sigle
field-programmes-owner = Géré par
field-programmes-started = Lancé en
field-programmes-description = Description
field-programmes-source = Source de ces informations

## Meetings: fields

field-meetings-title = Titre
field-meetings-kind = Type de réunion
field-meetings-starts = Premier jour
field-meetings-ends = Dernier jour
field-meetings-venue = Lieu
field-meetings-country = Pays
field-meetings-organiser = Organisée par
field-meetings-chair = Présidence
field-meetings-attendees = Organisations participantes
field-meetings-topics = Thèmes
field-meetings-summary = Résumé
field-meetings-source = Source de ces informations

## Action items: fields

field-action_items-meeting = Convenue lors de
field-action_items-mission = Recommandée par la mission
field-action_items-text = Action
field-action_items-owner = Responsable
field-action_items-co_owners = Partagée avec
field-action_items-due = Échéance
field-action_items-status = Statut
field-action_items-progress = Avancement
field-action_items-source = Source de ces informations

## Projects: fields

field-projects-title = Titre
field-projects-identifier = Identifiant
field-projects-status = Statut
field-projects-starts = Début
field-projects-ends = Fin
field-projects-accountable = Organisation responsable
field-projects-funders = Financé par
field-projects-implementers = Mis en œuvre par
field-projects-countries = Pays
field-projects-topics = Thèmes
field-projects-sectors = Autres secteurs du CAD
field-projects-budget = Budget
field-projects-currency = Devise
field-projects-programme = Programme
field-projects-description = Description
field-projects-source = Source de ces informations

## Missions: fields

field-missions-title = Titre
field-missions-provider = Assurée par
field-missions-beneficiary = Administration bénéficiaire
field-missions-country = Pays
field-missions-project = Projet
field-missions-starts = Premier jour
field-missions-ends = Dernier jour
field-missions-phase = Phase
field-missions-topics = Thèmes
field-missions-findings = Constats
field-missions-recommendations = Recommandations
field-missions-report_access = Qui peut lire le rapport complet
field-missions-report_url = Où le rapport est conservé
field-missions-source = Source de ces informations

## Documents: fields

field-documents-title = Titre
field-documents-kind = Type
field-documents-url = Adresse web
field-documents-file = Fichier
field-documents-publisher = Publié par
field-documents-meeting = Réunion
field-documents-mission = Mission
field-documents-project = Projet
field-documents-language = Langue
field-documents-published = Publié le
field-documents-description = Description

## RecordKind

RecordKind-organisation = Organisation
RecordKind-contact = Contact
RecordKind-training_tool = Outil de formation
RecordKind-programme = Programme
RecordKind-meeting = Réunion
RecordKind-action_item = Action à mener
RecordKind-project = Projet
RecordKind-mission = Mission
RecordKind-document = Document

## OrgCategory

OrgCategory-donor = Bailleur de fonds
OrgCategory-ta_provider = Prestataire d'assistance technique
OrgCategory-customs_administration = Administration des douanes
OrgCategory-regional_body = Organisme régional
OrgCategory-international_organisation = Organisation internationale
OrgCategory-academic = Milieu universitaire

## OrgStatus

OrgStatus-active = Active
OrgStatus-defunct = Dissoute

## ToolFormat

ToolFormat-e_learning = Formation en ligne
ToolFormat-classroom = En salle
ToolFormat-workshop = Atelier
ToolFormat-blended = Mixte
ToolFormat-webinar = Webinaire
ToolFormat-train_the_trainer = Formation de formateurs
ToolFormat-guide = Manuel ou guide

## Audience

Audience-all_staff = Tout le personnel
Audience-frontline = Agents de première ligne
Audience-specialist = Spécialistes
Audience-management = Cadres
Audience-trainers = Formateurs

## AccessRule

AccessRule-open = Ouvert à tous
AccessRule-members_only = Réservé aux membres
AccessRule-national_coordinator = Par l'intermédiaire du coordonnateur national
AccessRule-formal_request = Sur demande officielle

## Role

Role-viewer = Lecteur
Role-office_editor = Rédacteur d'une administration
Role-coordinator = Coordonnateur
Role-admin = Administrateur

## DocumentKind

DocumentKind-agenda = Ordre du jour
DocumentKind-minutes = Procès-verbal ou compte rendu de réunion
DocumentKind-presentation = Présentation
DocumentKind-mission_report = Rapport de mission
DocumentKind-photo = Photo
DocumentKind-other = Autre document

## MeetingKind

MeetingKind-donor_coordination = Coordination des bailleurs de fonds
MeetingKind-steering = Comité de pilotage
MeetingKind-video_conference = Visioconférence
MeetingKind-workshop = Atelier ou séminaire
MeetingKind-other = Autre réunion

## ActionStatus

ActionStatus-open = Ouverte
ActionStatus-in_progress = En cours
ActionStatus-done = Terminée
ActionStatus-cancelled = Annulée

## MissionPhase

MissionPhase-diagnostic = Diagnostic
MissionPhase-implementation = Mise en œuvre
MissionPhase-monitoring = Suivi

## ReportAccess

ReportAccess-public = Public
ReportAccess-participants = Les organisations concernées
ReportAccess-on_request = Sur demande à l'administration bénéficiaire
ReportAccess-confidential = Confidentiel

## ProjectStatus

ProjectStatus-pipeline = En préparation
ProjectStatus-implementation = Mise en œuvre
ProjectStatus-finalisation = Finalisation
ProjectStatus-closed = Clôturé
ProjectStatus-cancelled = Annulé
ProjectStatus-suspended = Suspendu

## Countries and territories

country-AI = Anguilla
country-AG = Antigua-et-Barbuda
country-AW = Aruba
country-BS = Bahamas
country-BB = Barbade
country-BE = Belgique
country-BZ = Belize
country-BM = Bermudes
country-VG = Îles Vierges britanniques
country-CA = Canada
country-KY = Îles Caïmans
country-CO = Colombie
country-CR = Costa Rica
country-CW = Curaçao
country-DM = Dominique
country-DO = République dominicaine
country-FR = France
country-GD = Grenade
country-GT = Guatemala
country-GY = Guyana
country-HT = Haïti
country-HN = Honduras
country-JM = Jamaïque
country-MX = Mexique
country-MS = Montserrat
country-NL = Pays-Bas
country-NI = Nicaragua
country-PA = Panama
country-KN = Saint-Christophe-et-Niévès
country-LC = Sainte-Lucie
country-VC = Saint-Vincent-et-les-Grenadines
country-SX = Sint Maarten
country-ES = Espagne
country-SR = Suriname
country-TT = Trinité-et-Tobago
country-TC = Îles Turques-et-Caïques
country-GB = Royaume-Uni
country-US = États-Unis
country-VE = Venezuela

## Languages of records

language-en = Anglais
language-fr = Français
language-es = Espagnol
language-nl = Néerlandais
language-pt = Portugais
language-ht = Créole haïtien

## Topics

topic-risk_management = Gestion des risques
topic-strategic_planning = Planification stratégique
topic-integrity = Intégrité et transparence
topic-valuation = Valeur en douane, classement tarifaire et origine
topic-post_clearance_audit = Contrôle a posteriori
topic-enforcement = Lutte contre la fraude et renseignement
topic-small_vessels = Dédouanement des petits navires
topic-leadership = Leadership et gestion
topic-it_automation = Informatique et automatisation
topic-legislation = Législation
topic-revenue = Administration des recettes
topic-trade_facilitation = Facilitation des échanges

regional-international = Régional / international

## Organisations

org-search-placeholder = Nom, sigle, pays…
all-categories = Toutes les catégories
all-countries = Tous les pays
active-and-defunct = Actives et dissoutes
row-defunct = dissoute
needs-review = à vérifier
source-is = Source : { $source }
org-new-refused = Seuls les coordonnateurs régionaux et les administrateurs ajoutent des organisations : votre compte ne peut pas enregistrer ce formulaire.
none-option = (aucune)
hint-website = Adresse complète, par exemple https://www.cartac.org
hint-iati-organisation = Tel que les fichiers IITA le nomment, par exemple XM-DAC-41114 ; le registre des organisations de l'IITA les répertorie. Les importations IITA rapprochent les organisations par cet identifiant
hint-memberships = Séparez par des virgules, par exemple CARTAC, CCLEC

## Outils de formation

tool-search-placeholder = Titre, thème, prestataire…
all-formats = Tous les formats
language-filter = Langue
all-languages = Toutes les langues
topic-filter = Thème
all-topics = Tous les thèmes
all-providers = Tous les prestataires
read-only-refused = Votre compte peut consulter le catalogue mais pas l'enrichir.
choose-organisation = Choisissez une organisation
hint-day = AAAA-MM-JJ

## La page Synchronisation

sync-now = Synchroniser maintenant
needs-attention = À traiter
nothing-refused = Rien : le serveur a accepté toutes les modifications envoyées depuis cet appareil.
waiting-to-be-sent = En attente d'envoi
no-changes-waiting = Aucune modification en attente.
not-discarded = Non supprimées : { $error }
held-title = Modifications de { $who }
held-explained = { $count ->
    [one] 1 modification faite sur cet appareil par { $who } n'a jamais été envoyée. Elle n'est pas envoyée sous votre nom. { $who } peut se connecter sur cet appareil pour l'envoyer ; sinon, supprimez-la (elle est alors perdue).
   *[other] { $count } modifications faites sur cet appareil par { $who } n'ont jamais été envoyées. Elles ne sont pas envoyées sous votre nom. { $who } peut se connecter sur cet appareil pour les envoyer ; sinon, supprimez-les (elles sont alors perdues).
}
sign-in-as = Se connecter en tant que { $who }
discard-held = { $count ->
    [one] Supprimer la modification de { $who }
   *[other] Supprimer les { $count } modifications de { $who }
}
made-by-at = faite par { $who } le { $time }
made-at = faite le { $time }
open = Ouvrir
still-not-valid = Toujours invalide : { $error }. Ouvrez la fiche pour la corriger.
open-the-record = Ouvrir la fiche
send-again = Renvoyer
discard-this-change = Supprimer cette modification
edited-in-two-places = Modifié à deux endroits
no-conflicts = Aucun conflit.
untitled = (sans titre)
choose-value-to-keep = « { $field } » a été modifié à deux endroits. Choisissez la valeur à conserver :
device-named = appareil { $device }
keep-this = Conserver celle-ci

## Autres listes et formulaires

filter-country = Pays
filter-kind = Type
filter-organisation = Organisation
filter-status = Statut
filter-phase = Phase
all-statuses = Tous les statuts
all-kinds = Tous les types
all-phases = Toutes les phases
choose-option = (choisir)
not-set = (non renseigné)
add-meeting = Ajouter une réunion
meeting-search-placeholder = Titre, lieu, thème, organisateur…
any-organiser-or-participant = Tout organisateur ou participant
meeting-new-refused = Votre compte ne peut pas ajouter de réunions (lecteur) : ce formulaire ne peut pas être enregistré.
none-online-or-regional = (aucun : en ligne ou régional)
action-search-placeholder = Action, responsable, réunion, mission…
any-owner = Tout responsable
choose-owner = (choisir l'organisation responsable)
add-mission = Ajouter une mission
mission-search-placeholder = Titre, constat, pays…
any-provider-or-beneficiary = Tout prestataire ou bénéficiaire
mission-new-refused = Votre compte ne peut pas ajouter de missions (lecteur) : ce formulaire ne peut pas être enregistré.
add-project = Ajouter un projet
project-search-placeholder = Titre, identifiant, bailleur, pays…
any-funder-or-implementer = Tout bailleur ou organisme d'exécution
project-new-refused = Votre compte ne peut pas ajouter de projets (lecteur) : ce formulaire ne peut pas être enregistré.

## Votre compte

your-account = Votre compte
name = Nom
role = Rôle
not-given = (non indiqué)
account-session-ended = Votre session a pris fin. Votre travail sur cet appareil est conservé.
to-send-it = pour l'envoyer.
session-ended-first = Votre session a pris fin : reconnectez-vous d'abord.
needs-connection = { $doing } : cette opération nécessite une connexion au serveur, qui est injoignable pour le moment. Réessayez une fois en ligne.
signing-out-everywhere = La déconnexion de tous les appareils
sign-out = Se déconnecter
sign-out-everywhere = Se déconnecter partout
not-yet-sent = { $count ->
    [one] 1 modification n'est pas encore envoyée au serveur. Elle reste sur cet appareil et sera envoyée quand vous vous reconnecterez ici.
   *[other] { $count } modifications ne sont pas encore envoyées au serveur. Elles restent sur cet appareil et seront envoyées quand vous vous reconnecterez ici.
}
sign-out-everywhere-hint = « Se déconnecter partout » met fin à vos sessions sur tous les appareils, et les fichiers de modifications enregistrés sur ceux-ci ne sont plus acceptés : par exemple après la perte d'un ordinateur portable.
enter-current-password = Saisissez votre mot de passe actuel.
changing-the-password = Le changement de mot de passe
change-your-password = Changer votre mot de passe
current-password = Mot de passe actuel
new-password = Nouveau mot de passe
at-least-10 = Au moins 10 caractères
password-changed = Mot de passe changé. Vos autres sessions ont été déconnectées.
change-password = Changer le mot de passe
adding-a-user = L'ajout d'un utilisateur
changing-an-account = La modification d'un compte

## Fiches, recherche et historique

loading = Chargement…
could-not-read = Le catalogue n'a pas pu être lu : { $error }
record-not-found = { $what } introuvable
may-have-been-deleted = La fiche a peut-être été supprimée, ou n'est pas encore synchronisée sur cet appareil.
back-to-the-list = Retour à la liste
edit-named = Modifier { $name }
edit = Modifier
edited-at-once = Modifié à deux endroits à la fois : { $fields }.
review-on-sync = Examiner sur la page Synchronisation
search-everything-here = Rechercher dans tout ce qui est sur cet appareil
search-placeholder = Un nom, un thème, un pays, un constat…
search-intro = Organisations, contacts, outils de formation, réunions, actions à mener, missions, projets et documents.
search-results = { $count ->
    [0] Aucun résultat. Essayez avec moins de mots ou des mots plus courts.
    [one] { $count } résultat
   *[other] { $count } résultats{ $more ->
        [yes] ; les { $shown } meilleurs sont affichés
       *[no] {""}
    }
}
history = Historique
loading-history = Chargement de l'historique…
history-when-online = L'historique s'affiche en ligne.
history-when-signed-in = L'historique s'affiche quand vous êtes connecté et en ligne.
history-failed = L'historique n'a pas pu être chargé : { $error }
no-changes-recorded = Aucune modification enregistrée.

## À propos de cet appareil

about-this-device = À propos de cet appareil
version = Version
megabytes = { $mb } Mo
stored-on-device = Stocké sur cet appareil
storage-of = { $used } sur { $quota } disponibles pour ce site
browser-does-not-say = Ce navigateur ne l'indique pas.
kept-when-low = Conservé en cas de manque d'espace
kept-yes = Oui : le navigateur n'effacera pas de lui-même les données de Tradewinds.
kept-not-guaranteed = Non garanti : le navigateur peut les effacer si l'appareil manque d'espace. Les modifications pas encore synchronisées seraient perdues.
ask-to-keep = Demander au navigateur de conserver les données de Tradewinds
granted = Accordé.
not-granted = Refusé. Installer l'application, ou l'utiliser régulièrement, amène en général le navigateur à accepter.
catalogue-copy = Une copie du catalogue
catalogue-copy-about = Toutes les fiches de cet appareil, de tous types, en un seul fichier à conserver : il se relit ici ou sur un autre appareil, et la copie d'un appareil synchronisé est identique à celle du serveur.
download-copy = Télécharger une copie du catalogue
read-copy-back = Relire une copie
copy-saved = { $count ->
    [one] Enregistré : { $count } fiche.
   *[other] Enregistré : { $count } fiches.
}
copy-not-saved = La copie n'a pas pu être enregistrée : { $error }

## Échanges avec le serveur

call-offline = le serveur est injoignable
call-signed-out = déconnecté : reconnectez-vous
call-server-forgot = le serveur a perdu des modifications qu'il avait acceptées de cet appareil (restauré à partir d'une sauvegarde ?)
call-server-reset = le serveur a été restauré à partir d'une sauvegarde ou remplacé ; ses données sont rechargées
call-device-taken = l'identifiant d'appareil de ce navigateur appartient à un autre compte
call-server-problem = le serveur a rencontré un problème (HTTP { $status }) ; nouvel essai à venir
call-bad-answer = la réponse du serveur n'a pas pu être lue : { $error }
call-storage-failed = le stockage de ce navigateur a échoué : { $error }
server-refused-http = Le serveur a refusé la requête (HTTP { $status }).

## Formulaires et suppression d'un enregistrement

save = Enregistrer
cancel = Annuler
correct-fields = { $count ->
    [one] Veuillez corriger le champ signalé ci-dessous.
   *[other] Veuillez corriger les { $count } champs signalés ci-dessous.
}
sign-in-to-save = Connectez-vous pour enregistrer les modifications.
not-saved-still-in-form = Non enregistré : { $error }. Ce que vous avez saisi est toujours dans le formulaire.
not-saved-free-space = Non enregistré : { $error }. Votre saisie est toujours dans le formulaire ; libérez de l'espace sur l'appareil et réessayez.
edit-removed-meanwhile = cet enregistrement a été supprimé (sur cet appareil ou un autre) pendant que vous le modifiiez
edit-written-here = un autre onglet de ce navigateur a enregistré certains de ces champs entre-temps
remove-this = Supprimer cette fiche ({ $kind })
remove-this-ask = Supprimer cette fiche ({ $kind }) ? { $keeps }Elle disparaîtra des listes de tous les appareils après synchronisation.
yes-remove = Oui, la supprimer
keep-it = La conserver
sign-in-to-remove = Connectez-vous pour la supprimer.
not-removed = Non supprimé : { $error }
screen-not-loaded = Cet écran n'a pas pu être chargé ({ $error }). Rouvrez-le une fois connecté.
sync-code-not-loaded = le code de synchronisation n'a pas pu être chargé ({ $error }) ; nouvel essai

## Le stockage de ce navigateur

db-failed = la base de données du navigateur a échoué : { $error }
db-unreadable = les données conservées n'ont pas pu être lues : { $error }
db-unstorable = les données n'ont pas pu être mises sous une forme enregistrable : { $error }
db-unavailable = ce navigateur n'a pas de stockage utilisable (navigation privée ou stockage désactivé ?)
held-on-sign-in = { $count ->
    [one] Ce navigateur contient { $count } modification faite par { $who } qui n'a jamais été envoyée. Elle n'est pas envoyée sous votre nom : { $who } peut se connecter ici pour l'envoyer, ou vous pouvez la supprimer sur la page Synchronisation.
   *[other] Ce navigateur contient { $count } modifications faites par { $who } qui n'ont jamais été envoyées. Elles ne sont pas envoyées sous votre nom : { $who } peut se connecter ici pour les envoyer, ou vous pouvez les supprimer sur la page Synchronisation.
}

## Dates

date-day-month = { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
date-day = { $daymonth } { $year }
date-month = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
date-quarter = { $quarter ->
    [1] 1er
   *[other] { $quarter }e
} trimestre { $year }
date-to-be-decided = À déterminer
dates-in-month = { $first }–{ $last }
dates-in-year = { $first } – { $last }
dates-apart = { $first } – { $last }

## Spreadsheets (CSV): the columns a list's download adds to its fields, and its words
csv-overdue = En retard
csv-from = Origine
csv-dac-sectors = Secteurs CAD
csv-country = Pays
csv-overlap = CHEVAUCHEMENT : { $funders }

## The installed app's name and description (its web app manifest)
manifest-name = Tradewinds — renforcement des capacités douanières dans les Caraïbes
manifest-description = Qui offre quoi aux administrations des douanes des Caraïbes : organisations, contacts, outils de formation, projets, missions et réunions. Fonctionne hors ligne et se synchronise de lui-même.

## Values as history and forms show them
value-empty = (vide)
value-deleted = supprimé
value-restored = restauré
value-yes = oui
value-no = non
value-not-on-device = un enregistrement absent de cet appareil ({ $id })
form-written-here = Pas encore enregistré : pendant que ce formulaire était ouvert, un autre onglet de ce navigateur a enregistré { $fields }. Enregistrez à nouveau pour le remplacer par le contenu de ce formulaire.
form-field-as = { $field } : « { $value } »
value-line = Ligne { $line }
value-column = colonne { $number }
