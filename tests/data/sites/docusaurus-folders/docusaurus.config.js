// SPDX-License-Identifier: GPL-3.0-or-later
module.exports = { title: 'Folders fixture' };
