# Accounts, importing files and changes carried on a file.

## La page Utilisateurs

users-admins-only = Seuls les administrateurs gèrent les utilisateurs.
users-lead = Les comptes sont conservés sur le serveur, et non sur cet appareil : cette page nécessite une connexion.
users-offline = La gestion des utilisateurs nécessite une connexion au serveur, qui est injoignable pour le moment. Le catalogue lui-même continue de fonctionner sur cet appareil.
users-try-again = Réessayer
users-not-loaded = Les utilisateurs n'ont pas pu être chargés : { $error }
users-count = { $count ->
    [one] { $count } compte
   *[other] { $count } comptes
}
users-added = { $name } peut désormais se connecter avec l'adresse { $email }.
users-add = Ajouter un utilisateur
users-initial-password = Mot de passe initial
users-initial-password-hint = Au moins 10 caractères ; indiquez à la personne comment le changer
users-add-button = Ajouter
users-cancel = Annuler
users-disabled = désactivé
users-change = Modifier
users-enable = Activer
users-disable = Désactiver
users-new-password-hint = Laissez vide pour conserver le mot de passe actuel ; un nouveau mot de passe déconnecte la personne sur tous ses appareils
users-save = Enregistrer

## Importer depuis un tableur

import-lead = Importez des fiches depuis un fichier CSV, des projets depuis un fichier d'activités IITA, ou une copie de l'ensemble du catalogue conservée depuis « À propos de cet appareil ». Le fichier est lu sur cet appareil, même hors ligne ; rien ne change avant votre confirmation, et les fiches parviennent au serveur à la synchronisation suivante.
import-file-holds = Le fichier contient
import-kind = { $kind ->
    [organisations] Organisations
    [contacts] Contacts
    [training_tools] Outils de formation
    [action_items] Actions à mener
    [projects] Projets
   *[other] { $kind }
}
import-iati-option = Projets (XML d'activités IITA)
import-copy-option = L'ensemble du catalogue (une copie conservée en JSON)
import-activities-in = Lieu des activités
import-region = La région (un pays du catalogue, ou les Antilles)
import-file = Fichier
import-hint-csv = Les colonnes sont reconnues par leur nom, tel que « Télécharger en CSV » les écrit (par exemple { $examples }) ; une colonne Id rapproche les lignes des fiches existantes, sinon les lignes sont rapprochées par ce qui les désigne. Séparateur virgule ou point-virgule, encodage UTF-8 ou celui du tableur.
import-hint-iati = XML d'activités IITA, versions 2.01 à 2.03 : chaque activité est un projet, rapproché par son identifiant IITA ; ses organisations sont rapprochées par leur nom, et celles qui ne figurent pas sur cet appareil sont signalées afin de pouvoir les ajouter au préalable.
import-hint-copy = Une copie produite par « Télécharger une copie du catalogue » (À propos de cet appareil) : chaque fiche est rapprochée par son identifiant, ajoutée si elle ne figure pas ici et modifiée là où la copie diffère. Les fiches absentes de la copie restent inchangées.
import-file-unreadable = Le fichier n'a pas pu être lu.
import-file-too-big = Le fichier fait { $size } Mo ; l'importation lit des fichiers de 20 Mo au plus. Divisez-le en fichiers plus petits.
import-sign-in = Connectez-vous pour importer : les fiches sont ajoutées en votre nom.
import-sign-in-first = Connectez-vous pour importer.
import-reading = Lecture de { $file }…
import-reading-progress = Lecture de { $file } : { $percent } %
import-checking-progress = Vérification de { $file } : { $percent } %
import-activities-elsewhere = { $skipped ->
    [one] { $skipped } des { $activities } activités du fichier se déroule ailleurs et n'est pas lue.
   *[other] { $skipped } des { $activities } activités du fichier se déroulent ailleurs et ne sont pas lues.
}
import-orgs-not-added = Les organisations n'ont pas pu être ajoutées : { $error }
import-nothing-imported = Rien n'a été importé : { $error }
import-missing = { $count ->
    [one] { $count } organisation nommée dans le fichier ne figure pas sur cet appareil : { $names }.
   *[other] { $count } organisations nommées dans le fichier ne figurent pas sur cet appareil : { $names }.
}
import-ask-coordinator = Demandez à un coordonnateur régional de les ajouter, puis importez de nouveau le fichier.
import-add-missing = Les ajouter (par leur nom, avec l'identifiant IITA indiqué dans le fichier), puis vérifier de nouveau le fichier
import-confirm = { $count ->
    [one] Importer { $count } fiche
   *[other] Importer { $count } fiches
}
import-cancel = Annuler
import-writing = { $count ->
    [one] Enregistrement de { $count } fiche…
   *[other] Enregistrement de { $count } fiches…
}
import-done = { $count ->
    [one] Importation terminée : { $count } fiche ajoutée ou modifiée sur cet appareil. Elle parviendra au serveur à la prochaine synchronisation.
   *[other] Importation terminée : { $count } fiches ajoutées ou modifiées sur cet appareil. Elles parviendront au serveur à la prochaine synchronisation.
}
import-see-start-page = Voir la page d'accueil
import-see-follow-up = Voir la liste de suivi
import-see-organisations = Voir les organisations
import-see-training-tools = Voir les outils de formation
import-see-projects = Voir les projets
import-summary = { $add } à ajouter, { $change } à modifier, { $unchanged ->
    [one] { $unchanged } déjà conforme
   *[other] { $unchanged } déjà conformes
} au fichier, { $refused ->
    [one] { $refused } refusée
   *[other] { $refused } refusées
}.
import-columns-read = Colonnes lues : { $read }
import-columns-not-read = Colonnes lues : { $read }. Non lues (ce ne sont pas des champs { $kind ->
    [organisations] des organisations
    [contacts] des contacts
    [training_tools] des outils de formation
    [action_items] des actions à mener
    [projects] des projets
   *[other] de { $kind }
}) : { $ignored }
import-not-kept = Éléments non conservés ({ $count })
import-refused = Refusées ({ $count })
import-refused-rows = Ces lignes ne seront pas importées. Corrigez-les dans le tableur et importez de nouveau le fichier : les lignes déjà importées ne sont pas ajoutées deux fois.
import-refused-records = Ces fiches ne seront pas importées ; les autres le seront.
import-column-line = Ligne
import-column-record = Fiche
import-column-row = Intitulé
import-column-column = Colonne
import-column-field = Champ
import-column-problem = Problème
import-to-add = À ajouter ({ $count })
import-to-change = À modifier ({ $count })
import-more = … et { $count } de plus.

## Modifications transportées sur un fichier (page Synchronisation)

carried-sign-in-to-save = Connectez-vous pour enregistrer vos modifications dans un fichier.
carried-no-key = Cet appareil n'a pas joint le serveur depuis votre connexion : il n'a donc pas encore de clé pour sceller un fichier ; il en recevra une à sa prochaine synchronisation. D'ici là, vos modifications restent ici, en attente.
carried-nothing-waiting = Aucune de vos modifications n'est en attente d'envoi.
carried-saved = { $count ->
    [one] { $count } modification enregistrée dans { $file }. Apportez ce fichier dans un lieu disposant d'une connexion et remettez-le à un administrateur de Tradewinds, qui l'importera. La modification reste aussi sur cet appareil et partira d'elle-même dès qu'il sera de nouveau en ligne.
   *[other] { $count } modifications enregistrées dans { $file }. Apportez ce fichier dans un lieu disposant d'une connexion et remettez-le à un administrateur de Tradewinds, qui l'importera. Les modifications restent aussi sur cet appareil et partiront d'elles-mêmes dès qu'il sera de nouveau en ligne.
}
carried-save-about = Pas de connexion ici depuis longtemps ? Vos modifications en attente peuvent voyager sur un fichier (une clé USB, ou un courriel envoyé depuis un autre endroit).
carried-save = Enregistrer mes modifications en attente dans un fichier
carried-report = { $changes ->
    [one] { $changes } modification de { $name } faite le { $time }
   *[other] { $changes } modifications de { $name } faites le { $time }
} : { $applied ->
    [one] { $applied } appliquée maintenant
   *[other] { $applied } appliquées maintenant
}, { $already ->
    [one] { $already } déjà présente
   *[other] { $already } déjà présentes
}, { $refused ->
    [one] { $refused } refusée
   *[other] { $refused } refusées
}.
carried-sign-in-to-take-in = Reconnectez-vous pour importer des fichiers.
carried-not-taken-in = Non importé : { $error }
carried-title = Modifications transportées sur un fichier
carried-take-in-about = Un fichier enregistré avec « Enregistrer mes modifications en attente dans un fichier » sur un appareil qui ne pouvait pas se synchroniser. Ses modifications sont vérifiées comme si cette personne s'était synchronisée : un fichier importé deux fois ne change rien.
carried-take-in = Importer un fichier de modifications
carried-rejected = Modification { $n } : { $message }
