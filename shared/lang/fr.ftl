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
