# Ce qui ne va pas dans ce qu'une personne a saisi ou envoyé : contrôles des champs et refus du serveur.

## Tout champ

problem-required = Ce champ est obligatoire.
problem-too-long = { $max } caractères au plus (celui-ci en compte { $count }).
problem-not-url = Saisissez une adresse web complète commençant par http:// ou https://.
problem-not-email = Saisissez une adresse électronique comme nom@customs.gov.bb.
problem-not-day = Saisissez une date au format AAAA-MM-JJ, par exemple { $example }.
problem-not-year = Saisissez une année entre 1950 et 2100.
problem-not-phone = N'utilisez que des chiffres, des espaces et + - ( ), par exemple +1 246 555 0100.
problem-unknown-topic = Thème inconnu : `{ $code }`.
problem-unknown-country = Code de pays inconnu : `{ $code }` (utilisez le code ISO 3166 alpha-2, par exemple BB).
problem-unknown-language = Code de langue inconnu : `{ $code }`.
problem-too-many-orgs = { $max } organisations au plus.
problem-no-language = Choisissez au moins une langue.
problem-not-iati-org-id = « { $value } » n'est pas un identifiant d'organisation IATI : le préfixe d'une agence d'enregistrement et un numéro reliés par des traits d'union, sans espaces ni barres obliques (par exemple XM-DAC-41114).

## Enregistrements de chaque type

problem-successor-not-defunct = Seule une organisation dissoute a un successeur.
problem-memberships = 30 appartenances au plus, chacune un nom de 60 caractères au plus.
problem-contact-organisation = Choisissez l'organisation à laquelle appartient ce contact.
problem-tool-provider = Choisissez l'organisation qui propose cet outil.
problem-meeting-starts = Saisissez le premier jour de la réunion.
problem-ends-before-starts = Le dernier jour ne peut pas précéder le premier.
problem-meeting-organiser = Choisissez l'organisation qui a convoqué ou accueilli la réunion.
problem-action-owner = Choisissez l'organisation responsable de cette action.
problem-action-owner-shares = Le responsable répond déjà de l'action : ne le comptez pas parmi ceux qui la partagent.
problem-action-due = Saisissez l'échéance sous la forme 2013-04-30 (un jour), 2013-04 (un mois) ou 2013-Q2 (un trimestre), ou laissez-la vide tant qu'elle n'est pas fixée.
problem-mission-provider = Choisissez l'organisation qui fournit l'assistance.
problem-mission-beneficiary = Choisissez l'administration bénéficiaire (ou au moins le pays).
problem-mission-starts = Saisissez le premier jour de la mission.
problem-project-ends-before-starts = La fin ne peut pas précéder le début.
problem-project-accountable = Choisissez l'organisation responsable du projet.
problem-project-funders = Choisissez au moins un bailleur de fonds.
problem-too-many-sectors = { $max } secteurs au plus.
problem-not-dac-code = « { $code } » n'est pas un code-objet du CAD à 5 chiffres (par exemple 43010).
problem-budget-too-large = C'est plus de 100 milliards : vérifiez le montant.
problem-not-currency = Utilisez un code ISO 4217 à trois lettres, par exemple USD, CAD, GBP ou EUR.
problem-currency-missing = Indiquez la monnaie du budget, par exemple USD.
problem-document-url = Indiquez l'adresse où le document est publié, par exemple https://www.cartac.org/…, ou joignez le fichier.
problem-document-publisher = Choisissez l'organisation qui l'a publié.
problem-file-hash = L'empreinte du fichier n'est pas un SHA-256 (64 chiffres hexadécimaux).
problem-file-name = Donnez au fichier un nom sans dossier ni caractère de contrôle, de 200 caractères au plus.
problem-file-empty = Le fichier est vide.
problem-file-too-large = Un fichier ne peut dépasser { $max } Mo ; celui-ci fait { $size } Mo. Réduisez-le (une photo) ou enregistrez-le plus léger (un PDF).
problem-file-type = Tradewinds conserve les fichiers PDF, les documents bureautiques (Word, Excel, PowerPoint, OpenDocument), les images JPEG, PNG, GIF et WebP et le texte brut ; ce fichier n'est rien de tout cela.
problem-file-markup = Les pages web, les dessins SVG et tout autre balisage ne peuvent être joints, car un navigateur pourrait les exécuter. Enregistrez-le plutôt en PDF.
problem-file-packed = Ce fichier se décompresse en bien plus que sa taille (une « bombe zip ») ; il n'est pas conservé.
problem-file-claimed = Le contenu du fichier est { $found }, et non le { $claimed } qu'annonce son document.
problem-file-mismatch = Les octets reçus ne correspondent pas à l'empreinte du fichier ; il sera renvoyé depuis le début.
problem-file-not-attached = Aucun document que vous pouvez modifier ne cite ce fichier ; il ne peut donc pas être envoyé.
problem-file-not-uploaded = Ce fichier n'est pas encore arrivé sur le serveur : l'appareil qui l'a joint l'enverra à sa prochaine connexion.
problem-file-offset = Le serveur détient { $received } octets de ce fichier ; envoyez la partie qui commence là.
problem-file-part-too-large = Une partie ne peut dépasser { $max } octets, et le fichier s'arrête à l'octet { $size }.

## Comptes

problem-password-short = Utilisez au moins { $min } caractères.
problem-password-long = Utilisez { $max } octets au plus.
problem-not-current-password = Ce n'est pas votre mot de passe actuel.
problem-office-editor-organisation = Un rédacteur travaille pour une seule administration : choisissez-la.

## Qui peut modifier quoi

problem-viewer-cannot-change = Votre compte peut consulter le catalogue mais pas le modifier (lecteur). Demandez des droits de rédaction à un administrateur.
problem-office-editor-without-organisation = Votre compte est celui d'un rédacteur sans organisation ; demandez à un administrateur de définir la vôtre.
problem-only-coordinators-add-orgs = Seuls les coordonnateurs régionaux peuvent ajouter des organisations.
problem-only-coordinators-remove-orgs = Seuls les coordonnateurs régionaux peuvent supprimer des organisations.
problem-only-coordinators-change-org-field = Seuls les coordonnateurs régionaux peuvent modifier le champ « { $field } » d'une organisation.
problem-only-coordinators-restore = Seul un coordonnateur régional peut rétablir un enregistrement supprimé.
problem-another-offices-record = Cet enregistrement appartient à une autre organisation : seuls ce bureau ou un coordonnateur régional peuvent le modifier.
problem-own-office-only = Un rédacteur ne peut enregistrer que les fiches de sa propre organisation.

## Modifications telles que le serveur les reçoit

problem-not-true-or-false = Doit valoir true ou false.
problem-no-such-field = Les enregistrements de ce type n'ont pas de champ nommé `{ $field }`.
problem-unknown-field = Champ inconnu : `{ $field }`.
problem-wrong-value = Valeur incorrecte : { $detail }.
problem-wrong-kind = L'enregistrement { $id } est de type « { $stored } », pas « { $sent } ».
problem-context-unchanged-field = Un contexte est donné pour un champ que la modification ne change pas.
problem-removal-alone = Supprimer ou rétablir un enregistrement ne change rien d'autre : envoyez les autres modifications séparément.
problem-unseen-versions = Cette modification a été faite en ayant vu des versions de ce champ qui n'ont jamais été reçues ici (après la restauration d'un serveur à partir d'une sauvegarde, ou depuis une application défaillante) ; elle a été refusée. Envoyez-la de nouveau pour l'appliquer à l'enregistrement tel qu'il est maintenant.

## Importer un fichier : les cellules d'une ligne

problem-import-not-id = « { $text } » n'est pas un identifiant d'enregistrement.
problem-import-id-of-other-kind = Cet identifiant appartient ici à un enregistrement d'un autre type ({ $kind }) ; un enregistrement garde son type.
problem-import-row-of-many = Cette ligne correspond à { $count } enregistrements sur cet appareil : ajoutez la colonne { $column } pour indiquer lequel.
problem-import-beyond-headers = Cette cellule se trouve après la dernière colonne qui a un en-tête.
problem-import-same-record = La ligne { $line } est le même enregistrement : n'en gardez qu'une des deux.
problem-import-no-such-id = Aucun enregistrement de type « { $kind } » n'a l'identifiant { $id } sur cet appareil.
problem-import-name-of-many = « { $text } » désigne { $count } enregistrements de type « { $kind } » : écrivez le nom complet ou l'identifiant de celui qui est visé.
problem-import-no-such-name = Aucun enregistrement de type « { $kind } » ne s'appelle « { $text } » sur cet appareil : ajoutez-le d'abord, ou corrigez le nom.
problem-import-not-known = « { $text } » n'est pas une valeur connue pour « { $what } » (par exemple { $examples }).
problem-import-not-topic = « { $text } » n'est pas un thème connu (par exemple { $examples }).
problem-import-not-day = « { $text } » n'est pas une date : écrivez-la 2013-04-15 ou 15 avril 2013.
problem-import-not-due = « { $text } » n'est pas une échéance : écrivez 2013-04-15, avril 2013, 2e trimestre 2013 ou 2013-Q2, ou laissez vide.
problem-import-not-whole = « { $text } » n'est pas un nombre entier.
a-country = pays
a-language = langue
record-noun-organisation = organisation
record-noun-contact = contact
record-noun-training_tool = outil de formation
record-noun-programme = programme
record-noun-meeting = réunion
record-noun-action_item = action
record-noun-project = projet
record-noun-mission = mission
record-noun-document = document

## L'organisation déclarante de l'export IATI

problem-reporter-missing = Saisissez l'identifiant IATI de l'organisation déclarante (par exemple XM-DAC-41114) : un fichier IATI nomme qui le publie.
problem-reporter-kind = Choisissez le type de l'organisation déclarante.
problem-reporter-name = Choisissez l'organisation déclarante.

## Repartir d'une copie du catalogue

problem-copy-unknown-kind = « { $kind } » n'est pas un type d'enregistrement que connaît cette version.
problem-copy-twice = La copie contient cet enregistrement deux fois : seul le premier est lu.

## Modifications que le serveur refuse

problem-clock-ahead = L'horloge de l'appareil a plus d'un jour d'avance sur le serveur ; corrigez la date et l'heure, puis renvoyez.
problem-record-invalid = La modification a été refusée : l'enregistrement ne serait pas valide.

## Modifications transportées dans un fichier

problem-file-not-changes = Ce n'est pas un fichier de modifications Tradewinds (créé par « Enregistrer mes modifications en attente dans un fichier ») : { $detail }
problem-file-newer = Ce fichier de modifications a été créé par une version plus récente de Tradewinds (version { $version }) ; mettez d'abord le serveur à jour.
problem-file-changes-unreadable = Les modifications de ce fichier ne peuvent pas être lues : { $detail }
problem-file-not-text = Ce fichier de modifications n'est pas pris en compte : ce n'est pas du texte (un fichier de modifications est du JSON en UTF-8).
problem-file-servers-device = Ce fichier de modifications n'est pas pris en compte : son appareil est celui du serveur.
problem-file-numbered-from-zero = Ce fichier de modifications n'est pas pris en compte : ses modifications sont numérotées à partir de 0 ; elles commencent à 1.
problem-file-gap-inside = Ce fichier de modifications n'est pas pris en compte : sa modification { $first } est suivie de la { $next } ; les modifications sont numérotées sans trou.
problem-file-server-device = Cet identifiant d'appareil appartient au serveur.
problem-file-altered = Ce fichier a été modifié après sa création, ou il a été créé pour un autre serveur : rien n'a été pris en compte. Enregistrez de nouveau les modifications dans un fichier sur l'appareil.
problem-file-account-disabled = Les modifications de ce fichier sont de « { $name } », dont le compte est désactivé ou n'existe pas ici : rien n'a été pris en compte.
problem-file-key-withdrawn = Ce fichier a été scellé sur son appareil avec une clé retirée depuis (« { $name } » s'est déconnecté partout, ou un administrateur a défini son mot de passe) : rien n'a été pris en compte. Ses modifications sont toujours sur l'appareil et parviendront au serveur lors de sa prochaine synchronisation en ligne ; ou reconnectez-vous sur l'appareil et enregistrez un nouveau fichier.
problem-file-foreign-copy = Ce fichier a été créé à partir d'une copie du catalogue que ce serveur ne détient plus (il a été restauré à partir d'une sauvegarde ou remplacé) : rien n'a été pris en compte. Les modifications de l'appareil parviendront au serveur lors de sa prochaine synchronisation en ligne.
problem-file-gap = Les modifications de ce fichier commencent au numéro { $first }, mais le serveur n'a reçu que jusqu'au { $before } de cet appareil : un fichier (ou une synchronisation) antérieur ne lui est pas parvenu. Prenez-le en compte d'abord ; rien n'a été pris en compte.
problem-file-device-not-yours = Cet identifiant d'appareil appartient à un autre compte : ses modifications ne sont acceptées que du compte qui l'a utilisé le premier.

## Réponses du serveur aux requêtes

problem-sign-in-first = Connectez-vous d'abord : cette requête n'a pas de session valide (absente, expirée ou déconnectée).
problem-wrong-credentials = L'adresse électronique ou le mot de passe est incorrect (ou le compte est désactivé).
problem-too-many-attempts = { $seconds ->
    [one] Trop de connexions échouées ou de mots de passe erronés. Attendez { $seconds } seconde, puis réessayez.
   *[other] Trop de connexions échouées ou de mots de passe erronés. Attendez { $seconds } secondes, puis réessayez.
}
problem-admins-only = Seuls les administrateurs gèrent les comptes.
problem-no-user = Aucun utilisateur avec l'identifiant { $id }.
problem-not-user-id = `{ $text }` n'est pas un identifiant d'utilisateur (un UUID).
problem-no-organisation = Aucune organisation avec l'identifiant { $id }.
problem-email-taken = Il existe déjà un compte pour { $email }.
problem-last-admin = C'est le dernier administrateur actif : nommez d'abord quelqu'un d'autre administrateur.
problem-cannot-add = Votre compte ({ $role }) ne peut pas ajouter d'enregistrements de ce type ({ $kind }).
problem-cannot-change = Votre compte ({ $role }) ne peut pas modifier cet enregistrement ({ $kind }).
problem-no-record = Aucun enregistrement de type « { $kind } » avec l'identifiant { $id }.
problem-reserved-field = `{ $field }` ne peut pas figurer dans le corps : l'identifiant est dans l'URL, et DELETE supprime un enregistrement.
problem-empty-body = Le corps ne contient aucun champ à enregistrer.
problem-record-not-valid = L'enregistrement n'est pas valide :
problem-device-not-yours = Cet identifiant d'appareil appartient à un autre compte : les modifications ne sont acceptées que du compte qui l'a utilisé le premier. L'application continue comme un nouvel appareil de votre compte.
problem-too-many-devices = Ce compte se synchronise déjà depuis { $max } appareils, le maximum pour un compte ; adressez-vous à un administrateur.
problem-server-device = Cet identifiant d'appareil appartient au serveur ; un appareil envoie sous son propre identifiant aléatoire.
problem-push-too-long = { $max } modifications au plus par envoi ; envoyez le reste au suivant.
problem-push-too-many = { $max } modifications au plus par envoi ({ $count } reçues).
problem-not-consecutive = Les modifications doivent être numérotées à la suite ; { $first } est suivie de { $next }.
problem-numbers-start-at-one = Les numéros de modification commencent à 1.
problem-mutation-gap = La prochaine modification de cet appareil est la { $next }, mais l'envoi commence à la { $first } : envoyez d'abord celles qui manquent.
problem-cursor-reset = Les données de ce serveur ne sont pas la copie avec laquelle cet appareil s'est synchronisé la dernière fois (il a été restauré à partir d'une sauvegarde ou remplacé). Rechargez-les, puis envoyez les modifications en attente.
problem-not-cursor = `{ $cursor }` n'est pas un curseur émis par ce serveur.
problem-bootstrap-gone = Ce téléchargement du catalogue n'est plus conservé ; relisez /api/v1/sync/bootstrap.
problem-not-generation = Ce n'est pas le nom d'une génération (attendu : /api/v1/sync/bootstrap/GENERATION/PAGE, tels que l'index les nomme).
problem-not-page = Une page est un nombre compté à partir de 0 (attendu : /api/v1/sync/bootstrap/GENERATION/PAGE, tels que l'index les nomme).
problem-copy-holds-every-kind = Une copie du catalogue contient tous les types : omettez kind avec format=json.
problem-iati-holds-projects = Un fichier IATI contient des projets : utilisez kind=projects avec format=iati.
problem-unknown-format = `{ $format }` n'est pas un format que ce serveur importe ; utilisez format=csv, format=iati ou format=json.
problem-import-kind-missing = Indiquez le type que contient le fichier : kind est l'un de { $kinds }.
problem-import-kind-wrong = `{ $kind }` ne peut pas être importé ; kind est l'un de : { $kinds }.
problem-no-endpoint = Il n'y a pas de point d'accès de l'API à { $path }.
problem-method-not-taken = { $path } n'accepte pas { $method }.
problem-no-such-kind = Il n'y a pas d'enregistrements de type `{ $kind }` (connus : { $known }).
problem-not-record-id = `{ $text }` n'est pas un identifiant d'enregistrement (un UUID comme 0b6f3c3e-5b1a-4c8e-9d59-2f0c1a7e4b10).
problem-body-wrong-shape = Le corps de la requête n'a pas la bonne forme : { $detail }
problem-body-not-json = Le corps de la requête n'est pas du JSON valide : { $detail }
problem-body-not-json-type = Envoyez le corps en JSON avec `Content-Type: application/json`.
problem-body-unreadable = Le corps de la requête n'a pas pu être lu : { $detail }
problem-body-too-large = Le corps de la requête dépasse { $max } octets.
problem-request-not-taken = { $detail }
problem-bad-query = { $detail } (attendu : { $expected })
problem-no-metrics = Il n'y a rien à /metrics : le serveur a été démarré sans jeton de métriques.
problem-internal = Une erreur s'est produite sur le serveur ; elle a été consignée.

## Fichiers qui ne peuvent pas être importés

problem-csv-empty = Le fichier est vide : il n'a pas de ligne d'en-tête.
problem-csv-not-text = Ce n'est pas un fichier texte CSV (c'est peut-être le format propre d'un tableur) : enregistrez-le depuis le tableur au format « CSV UTF-8 » et choisissez ce fichier.
problem-csv-unclosed-quote = La ligne { $line } ouvre une cellule entre guillemets (") qui n'est jamais fermée ; le reste du fichier ne peut donc pas être lu.
problem-csv-too-many-rows = Le fichier a plus de { $limit } lignes ; divisez-le en fichiers plus petits.
problem-not-importable = Les enregistrements de type « { $kind } » ne peuvent pas être importés depuis un CSV.
problem-no-columns = Aucune colonne de ce fichier n'est un champ des enregistrements de type « { $kind } » : la ligne d'en-tête devrait nommer des colonnes comme { $expected }.
problem-same-field-twice = Les colonnes « { $first } » et « { $second } » sont le même champ : n'en gardez qu'une.
problem-not-xml = Le fichier ne peut pas être lu comme du XML à la ligne { $line } : { $detail }.
problem-not-copy-json = Le fichier ne peut pas être lu comme une copie du catalogue à la ligne { $line } : { $detail }.
problem-xml-doctype = Le fichier ne peut pas être lu comme du XML à la ligne { $line } : il déclare un DOCTYPE, ce que les fichiers IATI ne font pas ; il est refusé plutôt que de développer ce qu'il déclare.
problem-xml-entity = Le fichier ne peut pas être lu comme du XML à la ligne { $line } : « &{ $entity }; » n'est pas une entité propre à XML, et le fichier ne peut pas en déclarer d'autres.
problem-xml-cut-short = Le fichier ne peut pas être lu comme du XML à la ligne { $line } : il se termine avant la fermeture de <{ $element }> (il est peut-être tronqué).
problem-iati-no-elements = Ce fichier n'a aucun élément XML : ce n'est pas un fichier d'activités IATI.
problem-iati-two-roots = Le fichier a plus d'un élément racine : ce n'est pas un fichier d'activités IATI.
problem-iati-organisation-file = C'est un fichier d'organisations IATI : choisissez un fichier d'activités (<iati-activities>).
problem-iati-other-root = Ce n'est pas un fichier d'activités IATI : il commence par <{ $element }>, et non par <iati-activities>.
problem-iati-version = La version IATI « { $version } » n'est pas lue : cette importation lit les versions 2.01 à 2.03.
problem-copy-not-copy = Ce fichier JSON n'est pas une copie d'un catalogue Tradewinds : il n'a pas de "format": "tradewinds-catalogue".
problem-copy-newer = Cette copie est au format de version { $version }, écrit par une version plus récente de Tradewinds ; celle-ci lit la version { $read }. Mettez l'application à jour, puis relisez-la.
problem-copy-no-version = Cette copie n'indique pas la version de son format ("version").

## Ce qu'un fichier IATI contient et qui n'est pas conservé

problem-iati-note-accountable = { $activity } : { $kept } est retenu comme responsable ; { $others } ne l'est pas.
problem-iati-note-countries = { $activity } : les pays bénéficiaires hors de la liste du catalogue ne sont pas conservés ({ $codes }).
problem-iati-note-sectors = { $activity } : les secteurs { $codes } ne sont pas des codes CAD à 5 chiffres et ne sont pas conservés.
problem-iati-note-currencies = { $activity } : les budgets dans d'autres monnaies que { $currency } ne sont pas additionnés.
