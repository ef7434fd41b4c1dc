# What is wrong with what a person entered or sent: checks on fields and the server's refusals.
