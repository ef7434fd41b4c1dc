# Meetings, their action items, missions, documents and contacts.

## Réunions

meeting-count = { $shown } sur { $total } { $total ->
    [one] réunion
   *[other] réunions
}
meeting-to-do = { $count ->
    [one] { $count } action à mener
   *[other] { $count } actions à mener
}
meeting-remove-keeps = Ses actions à mener et ses documents sont conservés, sans y être rattachés.
meeting-dates = Dates
meeting-place = Lieu
meeting-hint-ends = Laisser vide pour une réunion d'une journée
meeting-hint-venue = Par exemple bureau du CARTAC, Bridgetown ; ou Visioconférence
meeting-hint-chair = Telle que les sources la désignent, par exemple Vice-présidence de l'OMD pour la région Amériques et Caraïbes

## Actions à mener

action-still-to-do = Encore à faire
action-overdue-only = En retard seulement
action-count = { $shown } sur { $total } { $total ->
    [one] action à mener
   *[other] actions à mener
}{ $late ->
    [0] {""}
   *[other] {" · "}{ $late } en retard au total
}
action-org-not-here = une organisation absente de cet appareil
action-intro-meeting = Convenues lors de cette réunion.
action-intro-mission = Recommandées par cette mission.
action-intro-organisation = Confiées à cette organisation ou partagées avec elle.
action-none-recorded = Aucune action à mener enregistrée.
action-add = Ajouter une action à mener
action-new = Nouvelle action à mener
action-status-overdue = { $status } · en retard
action-due = échéance { $due }
action-owner-with = { $owner } avec { $others }
action-mark-done = Marquer comme terminée
action-remove = Supprimer
action-not-marked-done = Non marquée comme terminée : { $error }
action-not-removed = Non supprimée : { $error }
action-hint-due = Un jour (2013-04-30), un mois (2013-04) ou un trimestre (2013-Q2) ; vide tant que ce n'est pas décidé
action-shared-summary = Partagée avec d'autres organisations
action-save = Enregistrer l'action
action-cancel = Annuler

## Missions

mission-remove-keeps = Les actions à mener qu'elle a recommandées et ses documents sont conservés, sans y être rattachés.
mission-dates = Dates
mission-full-report = Rapport complet
mission-report-where = où il est conservé
mission-not-recorded = Rien n'est encore consigné.
mission-overlaps-title = Autres prestataires présents au même moment
mission-overlaps-intro = Missions d'autres prestataires dans le même pays, sur le même thème, à des dates qui se chevauchent :
mission-role-provided = assurée
mission-role-received = reçue
mission-none-recorded = Aucune mission enregistrée.
mission-hint-title = Par exemple Diagnostic du contrôle a posteriori
mission-hint-report-url = Adresse complète, s'il est en ligne

## Documents d'une réunion, d'une mission ou d'un projet

document-section = Documents
document-none-linked = Aucun document lié pour l'instant.
document-link = Ajouter un document
document-new = Nouveau document
document-not-removed = Non supprimé : { $error }
document-remove = Supprimer
document-hint-url = Où il est publié, par exemple https://www.cartac.org/… Laissez vide si vous joignez le fichier.
document-save = Enregistrer le document
document-cancel = Annuler
document-file-attach = Joindre un fichier
document-file-hint = PDF, documents bureautiques, images ou texte, jusqu'à { $max } Mo. Il est conservé sur cet appareil et envoyé dès qu'il y a une connexion.
document-file-reading = Lecture du fichier…
document-file-chosen = { $name } · { $size }
document-file-remove = Retirer le fichier
document-photo-longest = Plus grand côté
document-photo-as-taken = Telle que prise ({ $width } × { $height } px)
document-photo-pixels = { $px } px
document-photo-quality = Qualité
document-photo-quality-high = Haute
document-photo-quality-medium = Moyenne
document-photo-quality-low = Basse
document-photo-sizes = { $before } telle que prise, { $after } à envoyer
document-file-open = Ouvrir
document-file-keep = Conserver sur cet appareil
document-file-kept = Conservé sur cet appareil
document-file-unkeep = Ne plus conserver
document-file-keep-all = Conserver tous ces fichiers sur cet appareil
document-file-waiting = En attente d'envoi
document-file-sending = Envoi : { $done } sur { $size }
document-file-fetching = Téléchargement : { $done } sur { $size }
document-file-refused = Le serveur n'a pas accepté ce fichier : { $reason }
document-file-failed = Non effectué : { $error }
sync-files-waiting = Fichiers en attente d'envoi
kilobytes = { $kb } Ko

## Contacts d'une organisation

contact-section = Contacts
contact-none-recorded = Aucun contact enregistré pour l'instant.
contact-add = Ajouter un contact
contact-new = Nouveau contact
contact-not-removed = Non supprimé : { $error }
contact-remove = Supprimer
contact-hint-role = Telle que les sources désignent la fonction, par exemple Contrôleur des douanes
contact-save = Enregistrer le contact
contact-cancel = Annuler
contact-download-csv = Télécharger leurs contacts en CSV
contact-import = Importer des contacts depuis un tableur
