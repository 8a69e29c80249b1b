"""Word lists used by sentence splitting, toponym recognition and role rules.

One module per list, each with a comment on where its entries come from.
They hold general English and news vocabulary, never the answers of a test
text: no place name here is a special case for a report.
"""
