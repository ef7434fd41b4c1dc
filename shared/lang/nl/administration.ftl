# Accounts, importing files and changes carried on a file.
