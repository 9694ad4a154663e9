#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot in the metainfo is a raw URL of a PNG in this repository (data/screenshots/),
that file exists, and its width and height match the ones the metainfo declares.
Usage: check-screenshots.py SOURCE_ROOT METAINFO_XML_IN"""
import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/lekh/lekh/main/'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def main():
    root, metainfo = sys.argv[1], sys.argv[2]
    errors = []
    images = ET.parse(metainfo).getroot().findall('./screenshots/screenshot/image')
    if not images:
        errors.append('the metainfo has no screenshot')
    for image in images:
        url = (image.text or '').strip()
        if not url.startswith(PREFIX):
            errors.append(f'{url} is not a raw URL of this repository ({PREFIX}…)')
            continue
        rel = url[len(PREFIX):]
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            errors.append(f'{rel} does not exist')
            continue
        size = png_size(path)
        if size is None:
            errors.append(f'{rel} is not a PNG file')
            continue
        declared = (image.get('width'), image.get('height'))
        if declared != (None, None) and declared != (str(size[0]), str(size[1])):
            errors.append(f'{rel} is {size[0]}x{size[1]} but the metainfo says '
                          f'{declared[0]}x{declared[1]}')
        print(f'{rel}: {size[0]}x{size[1]}')
    for e in errors:
        print('ERROR: ' + e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
